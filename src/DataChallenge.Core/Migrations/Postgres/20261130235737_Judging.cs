using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataChallenge.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Judging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvalidReason",
                table: "Submissions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InvalidatedAt",
                table: "Submissions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsBaseline",
                table: "Submissions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsFinal",
                table: "Submissions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ScoredConfigHash",
                table: "Submissions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AnonymiseTeams",
                table: "Phases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "BoardHidden",
                table: "Phases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosingNotedAt",
                table: "Phases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LadderMargin",
                table: "Phases",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OpeningNotedAt",
                table: "Phases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PrivateRevealedAt",
                table: "Phases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScoreDecimals",
                table: "Phases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RescoreRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    LabelsVersion = table.Column<int>(type: "integer", nullable: false),
                    ConfigHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RankChangesJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RescoreRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RescoreRuns_Phases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "Phases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionScores",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    LabelsVersion = table.Column<int>(type: "integer", nullable: false),
                    ConfigHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ScorerVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RescoreRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PrimaryMetric = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HigherIsBetter = table.Column<bool>(type: "boolean", nullable: false),
                    PublicScore = table.Column<double>(type: "double precision", nullable: true),
                    PrivateScore = table.Column<double>(type: "double precision", nullable: true),
                    ScoresJson = table.Column<string>(type: "text", nullable: true),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionScores", x => new { x.SubmissionId, x.LabelsVersion, x.ConfigHash, x.ScorerVersion });
                    table.ForeignKey(
                        name: "FK_SubmissionScores_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RescoreRuns_PhaseId",
                table: "RescoreRuns",
                column: "PhaseId",
                unique: true,
                filter: "\"CompletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionScores_RescoreRunId",
                table: "SubmissionScores",
                column: "RescoreRunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RescoreRuns");

            migrationBuilder.DropTable(
                name: "SubmissionScores");

            migrationBuilder.DropColumn(
                name: "InvalidReason",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "InvalidatedAt",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "IsBaseline",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "IsFinal",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "ScoredConfigHash",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "AnonymiseTeams",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "BoardHidden",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "ClosingNotedAt",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "LadderMargin",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "OpeningNotedAt",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "PrivateRevealedAt",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "ScoreDecimals",
                table: "Phases");
        }
    }
}
