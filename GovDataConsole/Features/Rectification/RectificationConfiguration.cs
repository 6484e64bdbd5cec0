using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDataConsole.Features.Rectification;

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.ToTable("WorkOrders");
        b.Property(x => x.Number).HasMaxLength(20).IsRequired();
        b.HasIndex(x => x.Number);
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.StatusBeforeDispute).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ExtensionReason).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(x => new { x.DepartmentId, x.Status });
        b.HasIndex(x => new { x.Status, x.DueDate });
        b.HasOne<DataResource>().WithMany().HasForeignKey(x => x.DataResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkOrderItemConfiguration : IEntityTypeConfiguration<WorkOrderItem>
{
    public void Configure(EntityTypeBuilder<WorkOrderItem> b)
    {
        b.ToTable("WorkOrderItems");
        b.Property(x => x.RuleKey).HasMaxLength(80).IsRequired();
        b.Property(x => x.RuleName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sensitivity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ItemCode).HasMaxLength(50);
        b.Property(x => x.ItemName).HasMaxLength(100);
        b.Property(x => x.Message).HasMaxLength(500).IsRequired();
        b.Property(x => x.Explanation).HasMaxLength(1000);
        b.HasIndex(x => new { x.OrderId, x.State });
        b.HasIndex(x => new { x.RecordId, x.RuleKey });
        b.HasIndex(x => x.ProblemId);
        b.HasOne<WorkOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkOrderEventConfiguration : IEntityTypeConfiguration<WorkOrderEvent>
{
    public void Configure(EntityTypeBuilder<WorkOrderEvent> b)
    {
        b.ToTable("WorkOrderEvents");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Actor).HasMaxLength(256).IsRequired();
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.AttachmentName).HasMaxLength(260);
        b.Property(x => x.AttachmentPath).HasMaxLength(500);
        b.HasIndex(x => x.OrderId);
        b.HasOne<WorkOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Body).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Link).HasMaxLength(300);
        b.HasIndex(x => new { x.UserName, x.ReadUtc });
    }
}

internal sealed class BatchRecordHistoryConfiguration : IEntityTypeConfiguration<BatchRecordHistory>
{
    public void Configure(EntityTypeBuilder<BatchRecordHistory> b)
    {
        b.ToTable("BatchRecordHistory");
        b.Property(x => x.ChangedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => x.RecordId);
        b.HasOne<DataBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
