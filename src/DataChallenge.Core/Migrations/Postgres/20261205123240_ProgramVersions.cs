using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataChallenge.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgramVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProgramVersion",
                table: "Phases",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProgramVersion",
                table: "Phases");
        }
    }
}
