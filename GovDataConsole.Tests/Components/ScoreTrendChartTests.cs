using Bunit;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Quality.Pages;
using GovDataConsole.Quality;
using MudBlazor;
using MudBlazor.Services;

namespace GovDataConsole.Tests.Components;

/// <summary>The score trend plots each completed run's resource and dimension scores, in run order.</summary>
public sealed class ScoreTrendChartTests : BunitContext
{
    public ScoreTrendChartTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static TrendPoint Point(int run, decimal? score, params (QualityDimension Dimension, decimal Score)[] dimensions) =>
        new(run, new DateTime(2026, 1, run, 0, 0, 0, DateTimeKind.Utc), null, 0, score, dimensions.ToDictionary(d => d.Dimension, d => d.Score));

    [Fact]
    public void Series_hold_the_runs_scores_with_gaps_where_a_run_had_no_rule_of_a_dimension()
    {
        var points = new[]
        {
            Point(3, 56.67m, (QualityDimension.Completeness, 33.33m), (QualityDimension.Uniqueness, 66.67m)),
            Point(5, 60m, (QualityDimension.Completeness, 50m)),
            Point(9, 91.25m, (QualityDimension.Completeness, 100m), (QualityDimension.Uniqueness, 82.5m)),
        };

        var chart = Render<ScoreTrendChart>(p => p.Add(x => x.Points, points)).FindComponent<MudChart<double>>().Instance;

        Assert.Equal(ChartType.Line, chart.ChartType);
        Assert.Equal(["#3", "#5", "#9"], chart.ChartLabels);
        Assert.Equal(["资源得分", "完整性", "唯一性"], chart.ChartSeries.Select(s => s.Name));
        Assert.Equal([56.67, 60, 91.25], Values(chart.ChartSeries[0]));
        Assert.Equal([33.33, 50, 100], Values(chart.ChartSeries[1]));
        Assert.Equal([66.67, null, 82.5], Values(chart.ChartSeries[2]));
    }

    [Fact]
    public void Without_completed_runs_it_says_so_instead_of_drawing()
    {
        var view = Render<ScoreTrendChart>(p => p.Add(x => x.Points, []));

        Assert.Equal("该资源还没有已完成的核查运行。", view.Find("[data-testid=trend-empty]").TextContent);
        Assert.Empty(view.FindComponents<MudChart<double>>());
    }

    private static double?[] Values(ChartSeries<double> series) => series.Data.Points.Select(p => p.HasValue ? (double?)p.Y : null).ToArray();
}
