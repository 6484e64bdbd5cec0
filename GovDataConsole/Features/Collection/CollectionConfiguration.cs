using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDataConsole.Features.Collection;

internal sealed class CollectionTaskConfiguration : IEntityTypeConfiguration<CollectionTask>
{
    public void Configure(EntityTypeBuilder<CollectionTask> b)
    {
        b.ToTable("CollectionTasks");
        b.Property(x => x.PeriodKey).HasMaxLength(20).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.DataResourceId, x.PeriodKey }).IsUnique();
        b.HasIndex(x => new { x.DepartmentId, x.PeriodStart });
        b.HasIndex(x => new { x.Status, x.DueDate });
        b.HasOne(x => x.DataResource).WithMany().HasForeignKey(x => x.DataResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DataBatchConfiguration : IEntityTypeConfiguration<DataBatch>
{
    public void Configure(EntityTypeBuilder<DataBatch> b)
    {
        b.ToTable("DataBatches");
        b.Property(x => x.PeriodKey).HasMaxLength(20).IsRequired();
        b.Property(x => x.FileName).HasMaxLength(260).IsRequired();
        b.Property(x => x.StoredFile).HasMaxLength(260).IsRequired();
        b.Property(x => x.FileHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FailureReason).HasMaxLength(500);
        b.Property(x => x.Encoding).HasMaxLength(40);
        b.Property(x => x.UploadedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => new { x.DataResourceId, x.PeriodKey, x.FileHash });
        b.HasIndex(x => new { x.DepartmentId, x.UploadedUtc });
        b.HasIndex(x => x.Status);
        b.HasOne(x => x.DataResource).WithMany().HasForeignKey(x => x.DataResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CollectionTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class BatchRecordConfiguration : IEntityTypeConfiguration<BatchRecord>
{
    public void Configure(EntityTypeBuilder<BatchRecord> b)
    {
        b.ToTable("BatchRecords");
        b.HasIndex(x => new { x.BatchId, x.RowNumber });
        b.HasOne<DataBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BatchRowErrorConfiguration : IEntityTypeConfiguration<BatchRowError>
{
    public void Configure(EntityTypeBuilder<BatchRowError> b)
    {
        b.ToTable("BatchRowErrors");
        b.Property(x => x.ItemCode).HasMaxLength(50).IsRequired();
        b.Property(x => x.Value).HasMaxLength(4000);
        b.Property(x => x.Message).HasMaxLength(500).IsRequired();
        b.HasIndex(x => new { x.BatchId, x.RowNumber });
        b.HasOne<DataBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
