using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDataConsole.Features.Operations;

internal sealed class HeartbeatConfiguration : IEntityTypeConfiguration<Heartbeat>
{
    public void Configure(EntityTypeBuilder<Heartbeat> b)
    {
        b.ToTable("Heartbeats");
        b.HasKey(x => x.Node);
        b.Property(x => x.Node).HasMaxLength(200);
    }
}
