using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDataConsole.Features.Quality;

internal sealed class QualityRuleSetConfiguration : IEntityTypeConfiguration<QualityRuleSet>
{
    public void Configure(EntityTypeBuilder<QualityRuleSet> b)
    {
        b.ToTable("QualityRuleSets");
        b.HasIndex(x => new { x.DataResourceId, x.Version }).IsUnique();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<DataResource>().WithMany().HasForeignKey(x => x.DataResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualitySettingsConfiguration : IEntityTypeConfiguration<QualitySettings>
{
    public void Configure(EntityTypeBuilder<QualitySettings> b)
    {
        b.ToTable("QualitySettings");
        b.HasKey(x => x.DataResourceId);
        b.Property(x => x.DataResourceId).ValueGeneratedNever();
        b.Property(x => x.Cron).HasMaxLength(100);
        b.Property(x => x.AutoOrders).HasConversion<string>().HasMaxLength(20);
        b.HasOne<DataResource>().WithOne().HasForeignKey<QualitySettings>(x => x.DataResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualityBindingConfiguration : IEntityTypeConfiguration<QualityBinding>
{
    public void Configure(EntityTypeBuilder<QualityBinding> b)
    {
        b.ToTable("QualityBindings");
        b.HasIndex(x => new { x.Sensitivity, x.Template }).IsUnique();
        b.Property(x => x.Template).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Sensitivity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Weight).HasPrecision(9, 2);
        b.Property(x => x.Threshold).HasPrecision(9, 4);
        b.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class CheckRunConfiguration : IEntityTypeConfiguration<CheckRun>
{
    public void Configure(EntityTypeBuilder<CheckRun> b)
    {
        b.ToTable("CheckRuns");
        b.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Score).HasPrecision(9, 2);
        b.Property(x => x.RequestedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.FailureReason).HasMaxLength(1000);
        b.HasIndex(x => new { x.DataResourceId, x.Id });
        // Status lookups, and the manager's monthly score trend and a period's runs read by status and finish time without the row.
        b.HasIndex(x => new { x.Status, x.FinishedUtc, x.Score });
        b.HasOne<DataResource>().WithMany().HasForeignKey(x => x.DataResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DataBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class CheckRunChunkConfiguration : IEntityTypeConfiguration<CheckRunChunk>
{
    public void Configure(EntityTypeBuilder<CheckRunChunk> b)
    {
        b.ToTable("CheckRunChunks");
        b.HasIndex(x => x.RunId);
        b.HasOne<CheckRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckRunRuleConfiguration : IEntityTypeConfiguration<CheckRunRule>
{
    public void Configure(EntityTypeBuilder<CheckRunRule> b)
    {
        b.ToTable("CheckRunRules");
        b.Property(x => x.RuleKey).HasMaxLength(80).IsRequired();
        b.Property(x => x.RuleName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Template).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Dimension).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Weight).HasPrecision(9, 2);
        b.Property(x => x.Threshold).HasPrecision(9, 4);
        b.Property(x => x.FailureRate).HasPrecision(9, 4);
        b.HasIndex(x => x.RunId);
        b.HasOne<CheckRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.ToTable("Problems");
        b.Property(x => x.RuleKey).HasMaxLength(80).IsRequired();
        b.Property(x => x.RuleName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Dimension).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sensitivity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ItemCode).HasMaxLength(50);
        b.Property(x => x.ItemName).HasMaxLength(100);
        b.Property(x => x.Message).HasMaxLength(500).IsRequired();
        b.HasIndex(x => new { x.BatchId, x.RunId });
        // Counting current problems by status and severity (the steward's queue) without reading the rows; the index above keeps
        // the browser's (BatchId, Id) order.
        b.HasIndex(x => new { x.BatchId, x.RunId, x.Status, x.Severity });
        b.HasIndex(x => new { x.RunId, x.ChunkId });
        b.HasIndex(x => new { x.RunId, x.RecordId });
        // No more: every index costs each of a check run's inserts (the problem browser and the dashboards reach problems
        // through their batches, see CurrentProblems; department and resource are read from the batch).
        b.HasOne<CheckRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DataBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class QualityExceptionConfiguration : IEntityTypeConfiguration<QualityException>
{
    public void Configure(EntityTypeBuilder<QualityException> b)
    {
        b.ToTable("QualityExceptions");
        b.Property(x => x.RuleKey).HasMaxLength(80).IsRequired();
        b.Property(x => x.RuleName).HasMaxLength(200).IsRequired();
        b.Property(x => x.ItemCode).HasMaxLength(50);
        b.Property(x => x.ItemName).HasMaxLength(100);
        b.Property(x => x.Sensitivity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(500).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.RevokedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.DataResourceId, x.RecordId, x.RuleKey });
        b.HasOne<DataResource>().WithMany().HasForeignKey(x => x.DataResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
