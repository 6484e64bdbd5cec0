using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovDataConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CheckRuns_Status",
                table: "CheckRuns");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_BatchId_RunId_Status_Severity",
                table: "Problems",
                columns: new[] { "BatchId", "RunId", "Status", "Severity" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckRuns_Status_FinishedUtc_Score",
                table: "CheckRuns",
                columns: new[] { "Status", "FinishedUtc", "Score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Problems_BatchId_RunId_Status_Severity",
                table: "Problems");

            migrationBuilder.DropIndex(
                name: "IX_CheckRuns_Status_FinishedUtc_Score",
                table: "CheckRuns");

            migrationBuilder.CreateIndex(
                name: "IX_CheckRuns_Status",
                table: "CheckRuns",
                column: "Status");
        }
    }
}
