using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDataConsole.Features.Cleansing;

internal sealed class CleansingRuleSetConfiguration : IEntityTypeConfiguration<CleansingRuleSet>
{
    public void Configure(EntityTypeBuilder<CleansingRuleSet> b)
    {
        b.ToTable("CleansingRuleSets");
        b.HasIndex(x => new { x.DataResourceId, x.Version }).IsUnique();
        b.Property(x => x.Dedup).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<DataResource>().WithMany().HasForeignKey(x => x.DataResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BatchCleansingCountConfiguration : IEntityTypeConfiguration<BatchCleansingCount>
{
    public void Configure(EntityTypeBuilder<BatchCleansingCount> b)
    {
        b.ToTable("BatchCleansingCounts");
        b.Property(x => x.ItemCode).HasMaxLength(50).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(40).IsRequired();
        b.HasIndex(x => x.BatchId);
        b.HasOne<DataBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
