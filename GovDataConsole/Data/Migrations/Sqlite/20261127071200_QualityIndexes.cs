using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovDataConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QualityIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "UniqueKeys",
                table: "CheckRunChunks",
                type: "BLOB",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Problems_DepartmentId_Id_BatchId_RunId",
                table: "Problems",
                columns: new[] { "DepartmentId", "Id", "BatchId", "RunId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Problems_DepartmentId_Id_BatchId_RunId",
                table: "Problems");

            migrationBuilder.DropColumn(
                name: "UniqueKeys",
                table: "CheckRunChunks");
        }
    }
}
