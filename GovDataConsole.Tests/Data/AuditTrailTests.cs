using GovDataConsole.Features.Audit;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Tests.Data;

/// <summary>The audit trail is append-only: neither the app's context nor raw SQL can change or remove a record.</summary>
public sealed class AuditTrailTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private async Task<long> AppendAsync()
    {
        await using var db = ActAs.Db(app.Services);
        var entry = new AuditEntry(AuditActions.SignInCategory, AuditActions.SignIn, true, null, "trail-test", "192.0.2.10", null, "original");
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.True(entry.Id > 0);
        return entry.Id;
    }

    private async Task AssertUnchangedAsync(long id)
    {
        await using var db = ActAs.Db(app.Services);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal("original", entry.Detail);
        Assert.Equal("192.0.2.10", entry.IpAddress);
    }

    [Fact]
    public async Task Modifying_a_tracked_entry_is_refused_by_the_context()
    {
        var id = await AppendAsync();
        await using (var db = ActAs.Db(app.Services))
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == id, TestContext.Current.CancellationToken);
            db.Entry(entry).Property(e => e.Detail).CurrentValue = "tampered";
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
            Assert.Contains("append-only", ex.Message);
        }
        await AssertUnchangedAsync(id);
    }

    [Fact]
    public async Task Removing_a_tracked_entry_is_refused_by_the_context()
    {
        var id = await AppendAsync();
        await using (var db = ActAs.Db(app.Services))
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == id, TestContext.Current.CancellationToken);
            db.AuditEntries.Remove(entry);
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }
        await AssertUnchangedAsync(id);
    }

    [Fact]
    public async Task Bulk_update_and_delete_through_EF_are_refused_by_the_database_trigger()
    {
        var id = await AppendAsync();
        await using (var db = ActAs.Db(app.Services))
        {
            var ct = TestContext.Current.CancellationToken;
            var update = await Assert.ThrowsAsync<SqliteException>(() =>
                db.AuditEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "tampered"), ct));
            Assert.Contains("append-only", update.Message);
            var delete = await Assert.ThrowsAsync<SqliteException>(() => db.AuditEntries.Where(e => e.Id == id).ExecuteDeleteAsync(ct));
            Assert.Contains("append-only", delete.Message);
        }
        await AssertUnchangedAsync(id);
    }

    [Fact]
    public async Task Raw_SQL_update_and_delete_are_refused_by_the_database_trigger()
    {
        var id = await AppendAsync();
        await using (var db = ActAs.Db(app.Services))
        {
            var update = Assert.Throws<SqliteException>(() =>
                db.Database.ExecuteSqlRaw("UPDATE AuditEntries SET Detail = 'tampered', IpAddress = NULL WHERE Id = {0}", id));
            Assert.Contains("append-only", update.Message);
            var delete = Assert.Throws<SqliteException>(() => db.Database.ExecuteSqlRaw("DELETE FROM AuditEntries"));
            Assert.Contains("append-only", delete.Message);
        }
        await AssertUnchangedAsync(id);
        await using var check = ActAs.Db(app.Services);
        Assert.True(await check.AuditEntries.CountAsync(TestContext.Current.CancellationToken) >= 1);
    }
}
