namespace GovDataConsole.Features.Dashboard;

/// <summary>X-axis labels for bar charts whose categories (department names) are too long to sit under the bars.</summary>
public static class ChartLabels
{
    /// <summary>"1" to "<paramref name="count"/>", matched by a numbered list or table beside the chart.</summary>
    public static string[] Numbered(int count) => [.. Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
