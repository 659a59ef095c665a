using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataChallenge.Core.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InviteCode",
                table: "Teams",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "Submissions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "QuotaDay",
                table: "Submissions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "QuotaSlot",
                table: "Submissions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TotalSlot",
                table: "Submissions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxFinalSubmissions",
                table: "Phases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "MaxRejectedPerDay",
                table: "Phases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 50);

            migrationBuilder.AddColumn<int>(
                name: "MaxSubmissionsPerDay",
                table: "Phases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxSubmissionsTotal",
                table: "Phases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AcceptedTermsVersion",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Participants",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<string>(
                name: "AccessKey",
                table: "Challenges",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "MaxTeamSize",
                table: "Challenges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PlatformApprovedAt",
                table: "Challenges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresApproval",
                table: "Challenges",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "TermsVersion",
                table: "Challenges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Visibility",
                table: "Challenges",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Public");

            // Rows that existed before get their own secrets, so no two teams share an invite code.
            migrationBuilder.Sql("UPDATE \"Teams\" SET \"InviteCode\" = lower(hex(randomblob(16))) WHERE \"InviteCode\" = '';");
            migrationBuilder.Sql("UPDATE \"Challenges\" SET \"AccessKey\" = lower(hex(randomblob(16))) WHERE \"AccessKey\" = '';");

            migrationBuilder.CreateTable(
                name: "ChallengeTerms",
                columns: table => new
                {
                    ChallengeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeTerms", x => new { x.ChallengeId, x.Version });
                    table.ForeignKey(
                        name: "FK_ChallengeTerms_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TermsAcceptances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChallengeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermsAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TermsAcceptances_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TermsAcceptances_ChallengeTerms_ChallengeId_Version",
                        columns: x => new { x.ChallengeId, x.Version },
                        principalTable: "ChallengeTerms",
                        principalColumns: new[] { "ChallengeId", "Version" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Teams_InviteCode",
                table: "Teams",
                column: "InviteCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_PhaseId_TeamId_QuotaDay_QuotaSlot",
                table: "Submissions",
                columns: new[] { "PhaseId", "TeamId", "QuotaDay", "QuotaSlot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_PhaseId_TeamId_TotalSlot",
                table: "Submissions",
                columns: new[] { "PhaseId", "TeamId", "TotalSlot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_PhaseId_UserId_IdempotencyKey",
                table: "Submissions",
                columns: new[] { "PhaseId", "UserId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TermsAcceptances_ChallengeId_UserId_Version",
                table: "TermsAcceptances",
                columns: new[] { "ChallengeId", "UserId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_TermsAcceptances_ChallengeId_Version",
                table: "TermsAcceptances",
                columns: new[] { "ChallengeId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_TermsAcceptances_UserId",
                table: "TermsAcceptances",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TermsAcceptances");

            migrationBuilder.DropTable(
                name: "ChallengeTerms");

            migrationBuilder.DropIndex(
                name: "IX_Teams_InviteCode",
                table: "Teams");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_PhaseId_TeamId_QuotaDay_QuotaSlot",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_PhaseId_TeamId_TotalSlot",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_PhaseId_UserId_IdempotencyKey",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "InviteCode",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "QuotaDay",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "QuotaSlot",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "TotalSlot",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "MaxFinalSubmissions",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "MaxRejectedPerDay",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "MaxSubmissionsPerDay",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "MaxSubmissionsTotal",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "AcceptedTermsVersion",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "AccessKey",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "MaxTeamSize",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "PlatformApprovedAt",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "RequiresApproval",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "TermsVersion",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "Visibility",
                table: "Challenges");
        }
    }
}
