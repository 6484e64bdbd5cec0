using System.Linq.Expressions;
using GovDataConsole.Features.Organization;
using GovDataConsole.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDataConsole.Features.Scoring;

internal sealed class ScoringModelConfiguration : IEntityTypeConfiguration<ScoringModel>
{
    public void Configure(EntityTypeBuilder<ScoringModel> b)
    {
        b.ToTable("ScoringModels");
        b.Property(x => x.PeriodType).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.PeriodType, x.Version }).IsUnique();
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        // The parameters are plain columns named as the properties (no prefix), for the DBA reading the table.
        b.ComplexProperty(x => x.Parameters, p =>
        {
            Expression<Func<ScoringParameters, decimal>>[] decimals =
            [
                x => x.QualityWeight, x => x.CollectionTimelinessWeight, x => x.CollectionCompletenessWeight, x => x.RectificationTimelinessWeight,
                x => x.RectificationCompletionWeight, x => x.RecurrencePoints, x => x.RecurrenceCap, x => x.ManualCap, x => x.ExcellentFrom,
                x => x.GoodFrom, x => x.PassFrom,
            ];
            foreach (var property in decimals)
                p.Property(property).HasPrecision(9, 2).HasColumnName(((MemberExpression)property.Body).Member.Name);
            p.Property(x => x.BoardSize).HasColumnName(nameof(ScoringParameters.BoardSize));
        });
    }
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> b)
    {
        b.ToTable("ScoreSheets");
        b.Property(x => x.PeriodKey).HasMaxLength(10).IsRequired();
        b.Property(x => x.PeriodType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.PeriodKey, x.Version }).IsUnique();
        b.Property(x => x.ComputedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Ignore(x => x.IsPublished);
        b.HasOne<ScoringModel>().WithMany().HasForeignKey(x => x.ModelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentScoreConfiguration : IEntityTypeConfiguration<DepartmentScore>
{
    public void Configure(EntityTypeBuilder<DepartmentScore> b)
    {
        b.ToTable("DepartmentScores");
        b.HasIndex(x => new { x.SheetId, x.DepartmentId }).IsUnique();
        b.HasIndex(x => x.DepartmentId);
        b.Property(x => x.DepartmentName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Total).HasPrecision(9, 2);
        b.Property(x => x.Grade).HasConversion<string>().HasMaxLength(20);
        b.HasOne<ScoreSheet>().WithMany().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScoreIndicatorValueConfiguration : IEntityTypeConfiguration<ScoreIndicatorValue>
{
    public void Configure(EntityTypeBuilder<ScoreIndicatorValue> b)
    {
        b.ToTable("ScoreIndicatorValues");
        b.HasIndex(x => new { x.SheetId, x.DepartmentId, x.Indicator }).IsUnique();
        b.Property(x => x.Indicator).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Weight).HasPrecision(9, 2);
        b.Property(x => x.Value).HasPrecision(9, 2);
        b.Property(x => x.Points).HasPrecision(9, 2);
        b.Property(x => x.InputsJson).IsRequired();
        b.HasOne<ScoreSheet>().WithMany().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoreAdjustmentConfiguration : IEntityTypeConfiguration<ScoreAdjustment>
{
    public void Configure(EntityTypeBuilder<ScoreAdjustment> b)
    {
        b.ToTable("ScoreAdjustments");
        b.HasIndex(x => new { x.PeriodKey, x.DepartmentId });
        b.Property(x => x.PeriodKey).HasMaxLength(10).IsRequired();
        b.Property(x => x.Points).HasPrecision(9, 2);
        b.Property(x => x.Reason).HasMaxLength(500).IsRequired();
        b.Property(x => x.EvidenceName).HasMaxLength(260);
        b.Property(x => x.EvidencePath).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
