using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DataChallenge.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Teams",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<string>(
                name: "InviteCode",
                table: "Teams",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "Submissions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "QuotaDay",
                table: "Submissions",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "QuotaSlot",
                table: "Submissions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TotalSlot",
                table: "Submissions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxFinalSubmissions",
                table: "Phases",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "MaxRejectedPerDay",
                table: "Phases",
                type: "integer",
                nullable: false,
                defaultValue: 50);

            migrationBuilder.AddColumn<int>(
                name: "MaxSubmissionsPerDay",
                table: "Phases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxSubmissionsTotal",
                table: "Phases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AcceptedTermsVersion",
                table: "Participants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Participants",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<string>(
                name: "AccessKey",
                table: "Challenges",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "MaxTeamSize",
                table: "Challenges",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PlatformApprovedAt",
                table: "Challenges",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresApproval",
                table: "Challenges",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "TermsVersion",
                table: "Challenges",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Visibility",
                table: "Challenges",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Public");

            // Rows that existed before get their own secrets, so no two teams share an invite code.
            migrationBuilder.Sql("UPDATE \"Teams\" SET \"InviteCode\" = md5(random()::text || \"Id\"::text) WHERE \"InviteCode\" = '';");
            migrationBuilder.Sql("UPDATE \"Challenges\" SET \"AccessKey\" = md5(random()::text || \"Id\"::text) WHERE \"AccessKey\" = '';");

            migrationBuilder.CreateTable(
                name: "ChallengeTerms",
                columns: table => new
                {
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Teams",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);
        }
    }
}
