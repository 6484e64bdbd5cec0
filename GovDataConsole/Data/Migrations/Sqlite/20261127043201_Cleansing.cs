using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovDataConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cleansing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CleansedUtc",
                table: "DataBatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CleansedVersion",
                table: "DataBatches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CleansedJson",
                table: "BatchRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DuplicateOfRow",
                table: "BatchRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BatchCleansingCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Changed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BatchCleansingCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BatchCleansingCounts_DataBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "DataBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CleansingRuleSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DataResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    RulesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Dedup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CleansingRuleSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CleansingRuleSets_DataResources_DataResourceId",
                        column: x => x.DataResourceId,
                        principalTable: "DataResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BatchCleansingCounts_BatchId",
                table: "BatchCleansingCounts",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_CleansingRuleSets_DataResourceId_Version",
                table: "CleansingRuleSets",
                columns: new[] { "DataResourceId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BatchCleansingCounts");

            migrationBuilder.DropTable(
                name: "CleansingRuleSets");

            migrationBuilder.DropColumn(
                name: "CleansedUtc",
                table: "DataBatches");

            migrationBuilder.DropColumn(
                name: "CleansedVersion",
                table: "DataBatches");

            migrationBuilder.DropColumn(
                name: "CleansedJson",
                table: "BatchRecords");

            migrationBuilder.DropColumn(
                name: "DuplicateOfRow",
                table: "BatchRecords");
        }
    }
}
