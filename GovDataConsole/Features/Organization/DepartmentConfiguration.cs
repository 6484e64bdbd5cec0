using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDataConsole.Features.Organization;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("Departments");
        b.Property(x => x.Code).HasMaxLength(DepartmentForm.CodeMaxLength).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(DepartmentForm.NameMaxLength).IsRequired();
        b.HasIndex(x => x.Name);
        b.Property(x => x.CreditCode).HasMaxLength(18).IsRequired();
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.Property(x => x.ContactPerson).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
