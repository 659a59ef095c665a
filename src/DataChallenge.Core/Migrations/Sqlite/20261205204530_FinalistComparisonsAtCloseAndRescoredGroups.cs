using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataChallenge.Core.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FinalistComparisonsAtCloseAndRescoredGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GroupsJson",
                table: "SubmissionScores",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AutomaticForLabelsVersion",
                table: "FinalistComparisonRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LabelsVersion",
                table: "FinalistComparisonRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LastProgressAt",
                table: "FinalistComparisonRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FinalistComparisonRuns_PhaseId_AutomaticForLabelsVersion",
                table: "FinalistComparisonRuns",
                columns: new[] { "PhaseId", "AutomaticForLabelsVersion" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FinalistComparisonRuns_PhaseId_AutomaticForLabelsVersion",
                table: "FinalistComparisonRuns");

            migrationBuilder.DropColumn(
                name: "GroupsJson",
                table: "SubmissionScores");

            migrationBuilder.DropColumn(
                name: "AutomaticForLabelsVersion",
                table: "FinalistComparisonRuns");

            migrationBuilder.DropColumn(
                name: "LabelsVersion",
                table: "FinalistComparisonRuns");

            migrationBuilder.DropColumn(
                name: "LastProgressAt",
                table: "FinalistComparisonRuns");
        }
    }
}
