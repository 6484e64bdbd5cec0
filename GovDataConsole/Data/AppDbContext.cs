using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Calendar;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Operations;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Scoring;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovDataConsole.Data;

/// <summary>The one model. Each provider has a subclass carrying its own migrations.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Heartbeat> Heartbeats => Set<Heartbeat>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<InformationSystem> InformationSystems => Set<InformationSystem>();
    public DbSet<DataResource> DataResources => Set<DataResource>();
    public DbSet<InfoItem> InfoItems => Set<InfoItem>();
    public DbSet<DataResourceVersion> DataResourceVersions => Set<DataResourceVersion>();
    public DbSet<CodeDictionary> CodeDictionaries => Set<CodeDictionary>();
    public DbSet<CodeDictionaryEntry> CodeDictionaryEntries => Set<CodeDictionaryEntry>();
    public DbSet<CollectionTask> CollectionTasks => Set<CollectionTask>();
    public DbSet<DataBatch> DataBatches => Set<DataBatch>();
    public DbSet<BatchRecord> BatchRecords => Set<BatchRecord>();
    public DbSet<BatchRowError> BatchRowErrors => Set<BatchRowError>();
    public DbSet<CleansingRuleSet> CleansingRuleSets => Set<CleansingRuleSet>();
    public DbSet<BatchCleansingCount> BatchCleansingCounts => Set<BatchCleansingCount>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<QualityRuleSet> QualityRuleSets => Set<QualityRuleSet>();
    public DbSet<QualitySettings> QualitySettings => Set<QualitySettings>();
    public DbSet<QualityBinding> QualityBindings => Set<QualityBinding>();
    public DbSet<CheckRun> CheckRuns => Set<CheckRun>();
    public DbSet<CheckRunChunk> CheckRunChunks => Set<CheckRunChunk>();
    public DbSet<CheckRunRule> CheckRunRules => Set<CheckRunRule>();
    public DbSet<Problem> Problems => Set<Problem>();
    public DbSet<QualityException> QualityExceptions => Set<QualityException>();
    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();
    public DbSet<WorkOrderItem> WorkOrderItems => Set<WorkOrderItem>();
    public DbSet<WorkOrderEvent> WorkOrderEvents => Set<WorkOrderEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<BatchRecordHistory> BatchRecordHistory => Set<BatchRecordHistory>();
    public DbSet<ScoringModel> ScoringModels => Set<ScoringModel>();
    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();
    public DbSet<DepartmentScore> DepartmentScores => Set<DepartmentScore>();
    public DbSet<ScoreIndicatorValue> ScoreIndicatorValues => Set<ScoreIndicatorValue>();
    public DbSet<ScoreAdjustment> ScoreAdjustments => Set<ScoreAdjustment>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditTrail();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditTrail();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardAuditTrail()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries are append-only.");
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    // SQLite cannot compare DateTimeOffset text; store it as a sortable integer instead.
    protected override void ConfigureConventions(ModelConfigurationBuilder builder) =>
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
