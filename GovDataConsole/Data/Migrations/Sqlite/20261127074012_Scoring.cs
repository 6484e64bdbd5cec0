using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovDataConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Scoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScoreAdjustments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EvidenceName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    EvidencePath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreAdjustments_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoringModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BoardSize = table.Column<int>(type: "INTEGER", nullable: false),
                    CollectionCompletenessWeight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    CollectionTimelinessWeight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    ExcellentFrom = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    GoodFrom = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    ManualCap = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    PassFrom = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    QualityWeight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    RectificationCompletionWeight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    RectificationTimelinessWeight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    RecurrenceCap = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    RecurrencePoints = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreSheets_ScoringModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "ScoringModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DepartmentScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SheetId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DepartmentScores_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DepartmentScores_ScoreSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "ScoreSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreIndicatorValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SheetId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreIndicatorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreIndicatorValues_ScoreSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "ScoreSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentScores_DepartmentId",
                table: "DepartmentScores",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentScores_SheetId_DepartmentId",
                table: "DepartmentScores",
                columns: new[] { "SheetId", "DepartmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_DepartmentId",
                table: "ScoreAdjustments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_PeriodKey_DepartmentId",
                table: "ScoreAdjustments",
                columns: new[] { "PeriodKey", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreIndicatorValues_SheetId_DepartmentId_Indicator",
                table: "ScoreIndicatorValues",
                columns: new[] { "SheetId", "DepartmentId", "Indicator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_ModelId",
                table: "ScoreSheets",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_PeriodKey_Version",
                table: "ScoreSheets",
                columns: new[] { "PeriodKey", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoringModels_PeriodType_Version",
                table: "ScoringModels",
                columns: new[] { "PeriodType", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DepartmentScores");

            migrationBuilder.DropTable(
                name: "ScoreAdjustments");

            migrationBuilder.DropTable(
                name: "ScoreIndicatorValues");

            migrationBuilder.DropTable(
                name: "ScoreSheets");

            migrationBuilder.DropTable(
                name: "ScoringModels");
        }
    }
}
