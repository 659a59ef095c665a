using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataChallenge.Core.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CodePhases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsSmoke",
                table: "Submissions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LogKey",
                table: "Submissions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvenanceJson",
                table: "Submissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Reproducible",
                table: "Submissions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "RunMilliseconds",
                table: "Submissions",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Phases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsSmoke",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "LogKey",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "ProvenanceJson",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "Reproducible",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "RunMilliseconds",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Phases");
        }
    }
}
