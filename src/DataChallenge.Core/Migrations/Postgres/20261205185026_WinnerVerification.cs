using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataChallenge.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WinnerVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WinnerCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    MarkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FactSheet_ObjectKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FactSheet_FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FactSheet_SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    FactSheet_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FactSheet_UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Code_ObjectKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Code_FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Code_SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    Code_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Code_UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WinnerCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WinnerCandidates_Phases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "Phases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WinnerCandidates_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WinnerCandidates_PhaseId_TeamId",
                table: "WinnerCandidates",
                columns: new[] { "PhaseId", "TeamId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WinnerCandidates_TeamId",
                table: "WinnerCandidates",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WinnerCandidates");
        }
    }
}
