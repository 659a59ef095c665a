using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataChallenge.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubmissionNotesAndGroupResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GroupsJson",
                table: "Submissions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Submissions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PublishPrivateGroupBoard",
                table: "Phases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ShowOwnDetailedResults",
                table: "Phases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ShowOwnGroupResults",
                table: "Phases",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GroupsJson",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "PublishPrivateGroupBoard",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "ShowOwnDetailedResults",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "ShowOwnGroupResults",
                table: "Phases");
        }
    }
}
