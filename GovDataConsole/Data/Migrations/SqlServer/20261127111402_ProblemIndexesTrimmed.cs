using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovDataConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ProblemIndexesTrimmed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Problems_DataResourceId_RuleKey",
                table: "Problems");

            migrationBuilder.DropIndex(
                name: "IX_Problems_DepartmentId_Id_BatchId_RunId",
                table: "Problems");

            migrationBuilder.DropIndex(
                name: "IX_Problems_DepartmentId_Status",
                table: "Problems");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Problems_DataResourceId_RuleKey",
                table: "Problems",
                columns: new[] { "DataResourceId", "RuleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_DepartmentId_Id_BatchId_RunId",
                table: "Problems",
                columns: new[] { "DepartmentId", "Id", "BatchId", "RunId" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_DepartmentId_Status",
                table: "Problems",
                columns: new[] { "DepartmentId", "Status" });
        }
    }
}
