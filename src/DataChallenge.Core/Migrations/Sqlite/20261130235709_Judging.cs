using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataChallenge.Core.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InvalidatedAt",
                table: "Submissions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsBaseline",
                table: "Submissions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsFinal",
                table: "Submissions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ScoredConfigHash",
                table: "Submissions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AnonymiseTeams",
                table: "Phases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "BoardHidden",
                table: "Phases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ClosingNotedAt",
                table: "Phases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LadderMargin",
                table: "Phases",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OpeningNotedAt",
                table: "Phases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PrivateRevealedAt",
                table: "Phases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScoreDecimals",
                table: "Phases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RescoreRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PhaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LabelsVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfigHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RankChangesJson = table.Column<string>(type: "TEXT", nullable: true)
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
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LabelsVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfigHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScorerVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RescoreRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PrimaryMetric = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HigherIsBetter = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicScore = table.Column<double>(type: "REAL", nullable: true),
                    PrivateScore = table.Column<double>(type: "REAL", nullable: true),
                    ScoresJson = table.Column<string>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
