using GovDataConsole.Features.Dashboard;
using GovDataConsole.Features.Scoring;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Scoring;

/// <summary>The dashboards' ranking excerpt and own score equal what the ranking page shows for the newest published month.</summary>
public sealed class ScoringRankingSourceTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_excerpt_is_the_newest_published_months_ranking_and_a_department_finds_its_own_line()
    {
        await using var scope = await ActAs.UserAsync(app.Services, "manager");
        var source = scope.ServiceProvider.GetRequiredService<IRankingExcerptSource>();
        Assert.IsType<ScoringRankingSource>(source);
        var excerpt = await source.LatestPublishedAsync(2, Ct);
        Assert.NotNull(excerpt);

        var scores = scope.ServiceProvider.GetRequiredService<ScoreService>();
        var sheet = (await scores.SheetsAsync(excerpt.PeriodKey, Ct)).Where(s => s.IsPublished).MaxBy(s => s.Version)!;
        var ranking = await scores.RankingAsync(sheet.Id, Ct);
        var expected = ranking.Rows.Select(r => new RankingEntry(r.DepartmentId, r.DepartmentName, r.Rank, r.Total, EnumLabels.Of(r.Grade))).ToList();
        Assert.Equal(expected.Take(2), excerpt.Top);
        // The demo's three departments: the bottom board holds only the one not already on the top board.
        Assert.Equal([expected[2]], excerpt.Bottom);
        Assert.Equal((expected.Count, $"scoring?period={excerpt.PeriodKey}"), (excerpt.Departments, excerpt.Link));

        var first = expected[0];
        var own = await source.OwnAsync(first.DepartmentId, Ct);
        Assert.Equal(new OwnScore(excerpt.PeriodKey, true, first.Total, first.Grade, first.Rank, expected.Count, $"scoring/{excerpt.PeriodKey}/{first.DepartmentId}"), own);
    }
}
