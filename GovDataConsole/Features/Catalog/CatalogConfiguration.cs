using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDataConsole.Features.Catalog;

internal sealed class DataResourceConfiguration : IEntityTypeConfiguration<DataResource>
{
    public void Configure(EntityTypeBuilder<DataResource> b)
    {
        b.ToTable("DataResources");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(ResourceRules.NameMaxLength).IsRequired();
        b.HasIndex(x => x.Name);
        b.Property(x => x.Summary).HasMaxLength(ResourceRules.SummaryMaxLength);
        b.Property(x => x.ShareCondition).HasMaxLength(ResourceRules.SummaryMaxLength);
        b.Property(x => x.ShareType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OpenType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UpdateCycle).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SensitivityGrade).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.DepartmentId, x.Status });
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.InformationSystem).WithMany().HasForeignKey(x => x.InformationSystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.DataResourceId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Items).HasField("items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class InfoItemConfiguration : IEntityTypeConfiguration<InfoItem>
{
    public void Configure(EntityTypeBuilder<InfoItem> b)
    {
        b.ToTable("InfoItems");
        b.Property(x => x.Code).HasMaxLength(ResourceRules.ItemCodeMaxLength).IsRequired();
        b.HasIndex(x => new { x.DataResourceId, x.Code }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(ResourceRules.NameMaxLength).IsRequired();
        b.Property(x => x.DataType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sensitivity).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.Sensitivity);
        b.Property(x => x.Description).HasMaxLength(ResourceRules.DescriptionMaxLength);
        b.HasOne(x => x.Dictionary).WithMany().HasForeignKey(x => x.DictionaryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DataResourceVersionConfiguration : IEntityTypeConfiguration<DataResourceVersion>
{
    public void Configure(EntityTypeBuilder<DataResourceVersion> b)
    {
        b.ToTable("DataResourceVersions");
        b.HasIndex(x => new { x.DataResourceId, x.Version }).IsUnique();
        b.Property(x => x.ChangedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Note).HasMaxLength(200);
        b.HasOne<DataResource>().WithMany().HasForeignKey(x => x.DataResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InformationSystemConfiguration : IEntityTypeConfiguration<InformationSystem>
{
    public void Configure(EntityTypeBuilder<InformationSystem> b)
    {
        b.ToTable("InformationSystems");
        b.Property(x => x.Name).HasMaxLength(ResourceRules.NameMaxLength).IsRequired();
        b.HasIndex(x => new { x.DepartmentId, x.Name }).IsUnique();
        b.Property(x => x.Description).HasMaxLength(ResourceRules.DescriptionMaxLength);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CodeDictionaryConfiguration : IEntityTypeConfiguration<CodeDictionary>
{
    public void Configure(EntityTypeBuilder<CodeDictionary> b)
    {
        b.ToTable("CodeDictionaries");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Standard).HasMaxLength(100);
        b.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.DictionaryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Entries).HasField("entries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CodeDictionaryEntryConfiguration : IEntityTypeConfiguration<CodeDictionaryEntry>
{
    public void Configure(EntityTypeBuilder<CodeDictionaryEntry> b)
    {
        b.ToTable("CodeDictionaryEntries");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.ParentCode).HasMaxLength(40);
        b.HasIndex(x => new { x.DictionaryId, x.Code }).IsUnique();
    }
}
