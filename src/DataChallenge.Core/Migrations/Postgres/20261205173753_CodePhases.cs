using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataChallenge.Core.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LogKey",
                table: "Submissions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvenanceJson",
                table: "Submissions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Reproducible",
                table: "Submissions",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "RunMilliseconds",
                table: "Submissions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Phases",
                type: "jsonb",
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
