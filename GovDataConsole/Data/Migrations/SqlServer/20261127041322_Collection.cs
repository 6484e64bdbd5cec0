using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovDataConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Collection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedUtc",
                table: "DataResources",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CollectionTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DataResourceId = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    PeriodKey = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    BatchId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectionTasks_DataResources_DataResourceId",
                        column: x => x.DataResourceId,
                        principalTable: "DataResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DataBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DataResourceId = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    TaskId = table.Column<int>(type: "int", nullable: true),
                    PeriodKey = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    StoredFile = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    FileHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    Format = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    MappingJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ResourceVersion = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FailureReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Encoding = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    RowsRead = table.Column<int>(type: "int", nullable: false),
                    RowsAccepted = table.Column<int>(type: "int", nullable: false),
                    RowsRejected = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    HeartbeatUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FinishedUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataBatches_CollectionTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "CollectionTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DataBatches_DataResources_DataResourceId",
                        column: x => x.DataResourceId,
                        principalTable: "DataResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BatchRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BatchId = table.Column<int>(type: "int", nullable: false),
                    RowNumber = table.Column<int>(type: "int", nullable: false),
                    ValuesJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BatchRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BatchRecords_DataBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "DataBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BatchRowErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BatchId = table.Column<int>(type: "int", nullable: false),
                    RowNumber = table.Column<int>(type: "int", nullable: false),
                    ColumnNumber = table.Column<int>(type: "int", nullable: false),
                    ItemCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Message = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BatchRowErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BatchRowErrors_DataBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "DataBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BatchRecords_BatchId_RowNumber",
                table: "BatchRecords",
                columns: new[] { "BatchId", "RowNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_BatchRowErrors_BatchId_RowNumber",
                table: "BatchRowErrors",
                columns: new[] { "BatchId", "RowNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionTasks_DataResourceId_PeriodKey",
                table: "CollectionTasks",
                columns: new[] { "DataResourceId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CollectionTasks_DepartmentId_PeriodStart",
                table: "CollectionTasks",
                columns: new[] { "DepartmentId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionTasks_Status_DueDate",
                table: "CollectionTasks",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DataBatches_DataResourceId_PeriodKey_FileHash",
                table: "DataBatches",
                columns: new[] { "DataResourceId", "PeriodKey", "FileHash" });

            migrationBuilder.CreateIndex(
                name: "IX_DataBatches_DepartmentId_UploadedUtc",
                table: "DataBatches",
                columns: new[] { "DepartmentId", "UploadedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DataBatches_Status",
                table: "DataBatches",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_DataBatches_TaskId",
                table: "DataBatches",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BatchRecords");

            migrationBuilder.DropTable(
                name: "BatchRowErrors");

            migrationBuilder.DropTable(
                name: "DataBatches");

            migrationBuilder.DropTable(
                name: "CollectionTasks");

            migrationBuilder.DropColumn(
                name: "PublishedUtc",
                table: "DataResources");
        }
    }
}
