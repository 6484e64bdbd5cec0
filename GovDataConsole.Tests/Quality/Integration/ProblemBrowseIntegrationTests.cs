using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GovDataConsole.Tests.Quality.ProblemKit;

namespace GovDataConsole.Tests.Quality;

/// <summary>The problem browser over a real check run: filters, masking per role, department scope and the record view.</summary>
[Collection(ProblemAppCollection.Name)]
public sealed class ProblemBrowseIntegrationTests(DemoAppFixture app)
{
    [Fact]
    public async Task Every_filter_narrows_the_current_problems_of_the_run()
    {
        var (resource, batch, run) = await CheckedBatchAsync(app.Services);
        var all = await ListAsync(app.Services, "steward", new ProblemQuery { ResourceId = resource });

        Assert.Equal(Total, all.TotalCount);
        Assert.False(all.Capped);
        Assert.Equal(Total, (await CheckRunAsync(app.Services, run)).ProblemCount);
        Assert.All(all.Items, p => Assert.Equal(batch, p.BatchId));
        Assert.Equal([2, 3, 6, 7, 8], all.Items.Where(p => p.RuleKey == Blank).Select(p => p.RowNumber!.Value).Order());

        async Task<int> Count(ProblemQuery query) => (await ListAsync(app.Services, "steward", query with { ResourceId = resource })).TotalCount;
        Assert.Equal(5, await Count(new ProblemQuery { RuleKey = Blank }));
        Assert.Equal(5, await Count(new ProblemQuery { Severity = RuleSeverity.Major }));
        Assert.Equal(2, await Count(new ProblemQuery { Dimension = QualityDimension.Uniqueness }));
        Assert.Equal(Total, await Count(new ProblemQuery { Status = ProblemStatus.Open }));
        Assert.Equal(0, await Count(new ProblemQuery { Status = ProblemStatus.HandedOver }));
        Assert.Equal(Total, await Count(new ProblemQuery { BatchId = batch, FoundFrom = ChinaTime.Today, FoundTo = ChinaTime.Today }));
        Assert.Equal(0, await Count(new ProblemQuery { FoundTo = ChinaTime.Today.AddDays(-1) }));
        Assert.Equal(2, await Count(new ProblemQuery { Text = "唯一" }));
        Assert.Equal(0, await Count(new ProblemQuery { BatchId = batch + 100_000 }));

        // Sorted by severity (严重 first), then by batch and problem.
        var bySeverity = await ListAsync(app.Services, "steward", new ProblemQuery { ResourceId = resource, SortBy = nameof(ProblemRow.Severity) });
        Assert.Equal(RuleSeverity.Critical, bySeverity.Items[0].Severity);
        Assert.Equal(RuleSeverity.Minor, bySeverity.Items[^1].Severity);
        var paged = await AsAsync(app.Services, "steward", s => s.ListAsync(new ProblemQuery { ResourceId = resource, Page = 1, PageSize = 5 }, false, Ct));
        Assert.Equal(all.Items.Skip(5).Take(5).Select(p => p.Id), paged.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task Values_are_masked_for_everyone_and_revealed_only_to_stewards_and_staff_with_an_audit_record()
    {
        var (resource, _, _) = await CheckedBatchAsync(app.Services);
        var query = new ProblemQuery { ResourceId = resource, RuleKey = Unique };

        foreach (var user in new[] { "steward", "manager", "admin", "gongan" })
            Assert.Equal(["330102********1237", "330102********1231"], (await ListAsync(app.Services, user, query)).Items.Select(p => p.Value));

        var revealed = await ListAsync(app.Services, "steward", query, reveal: true);
        Assert.Equal(["330102198001051237", "330102198001051231"], revealed.Items.Select(p => p.Value));
        await using (var db = ActAs.Db(app.Services))
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ProblemsRevealed && e.UserName == "steward", Ct));

        foreach (var user in new[] { "manager", "admin" })
            Assert.Equal("当前角色无权执行此操作", (await Assert.ThrowsAsync<AccessDeniedException>(() => ListAsync(app.Services, user, query, reveal: true))).Message);
    }

    [Fact]
    public async Task Staff_of_another_department_see_nothing_and_cannot_open_a_record_by_id()
    {
        var (resource, _, _) = await CheckedBatchAsync(app.Services, "330100GAJ");
        var own = await ListAsync(app.Services, "gongan", new ProblemQuery { ResourceId = resource });
        Assert.Equal(Total, own.TotalCount);

        Assert.Equal(0, (await ListAsync(app.Services, "shichang", new ProblemQuery { ResourceId = resource })).TotalCount);
        Assert.DoesNotContain((await ListAsync(app.Services, "shichang", new ProblemQuery())).Items, p => p.ResourceId == resource);
        // Asking for another department by id gives nothing either.
        await using (var db = ActAs.Db(app.Services))
        {
            var gongan = await db.Departments.Where(d => d.Code == "330100GAJ").Select(d => d.Id).SingleAsync(Ct);
            Assert.Equal(0, (await ListAsync(app.Services, "shichang", new ProblemQuery { DepartmentId = gongan })).TotalCount);
        }
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app.Services, "shichang", s => s.RecordAsync(own.Items[0].Id, false, Ct)));
        Assert.Equal("无权访问其他部门的数据", error.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync(app.Services, "steward", s => s.RecordAsync(long.MaxValue, false, Ct)));
    }

    [Fact]
    public async Task The_record_view_shows_the_fields_masked_with_every_failing_field_of_the_run_marked()
    {
        var (resource, batch, _) = await CheckedBatchAsync(app.Services);
        var row8 = (await ListAsync(app.Services, "steward", new ProblemQuery { ResourceId = resource, RuleKey = Blank })).Items.Single(p => p.RowNumber == 8);

        var record = await AsAsync(app.Services, "manager", s => s.RecordAsync(row8.Id, false, Ct));

        Assert.Equal((batch, 8), (record.BatchId, record.RowNumber));
        Assert.Equal(["SFZH", "XM", "XB", "CSRQ", "HJDZ", "LXDH"], record.Fields.Select(f => f.Code));
        Assert.Equal(["SFZH", "HJDZ"], record.Fields.Where(f => f.Failing).Select(f => f.Code));
        Assert.Equal([Blank, Id], record.Problems.Select(p => p.RuleKey).Order());
        Assert.Equal("138****8000", record.Fields.Single(f => f.Code == "LXDH").Value);
        Assert.Equal("=1+2", record.Fields.Single(f => f.Code == "XB").Value);
        Assert.StartsWith("=*", record.Fields.Single(f => f.Code == "XM").Value);

        // Row 5 failed two rules on 身份证号: both messages are on the field.
        var row5 = (await ListAsync(app.Services, "steward", new ProblemQuery { ResourceId = resource, RuleKey = Unique })).Items.Single(p => p.RowNumber == 5);
        var five = await AsAsync(app.Services, "gongan", s => s.RecordAsync(row5.Id, true, Ct));
        Assert.Equal(2, five.Fields.Single(f => f.Code == "SFZH").Messages.Count);
        Assert.Equal("330102198001051237", five.Fields.Single(f => f.Code == "SFZH").Value);
    }
}
