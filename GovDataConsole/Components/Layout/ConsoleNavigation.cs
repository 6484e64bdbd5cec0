using GovDataConsole.Features.Organization;
using MudBlazor;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Components.Layout;

/// <summary>A menu link; <paramref name="Roles"/> narrows its section's roles when set.</summary>
public sealed record NavItem(string Href, string Title, string Icon, IReadOnlyList<string>? Roles = null, bool ForceLoad = false, bool Exact = false);

public sealed record NavSection(string Key, string Title, string Icon, IReadOnlyList<string> Roles, IReadOnlyList<NavItem> Items);

/// <summary>The menu, per role. A section is listed here only once its pages exist.</summary>
public static class ConsoleNavigation
{
    private static readonly string[] Editors = [Roles.DepartmentStaff, Roles.Steward, Roles.Admin];
    private static readonly string[] Stewards = [Roles.Steward, Roles.Admin];

    public static IReadOnlyList<NavSection> Sections { get; } =
    [
        new("catalog", T.Nav_Catalog, Icons.Material.Filled.MenuBook, Roles.All,
        [
            new("catalog", T.Nav_Resources, Icons.Material.Filled.LibraryBooks, Exact: true),
            new("catalog/systems", T.Nav_Systems, Icons.Material.Filled.Dns, Editors),
            new("catalog/dictionaries", T.Nav_Dictionaries, Icons.Material.Filled.ListAlt, Stewards),
        ]),
        new("collection", T.Nav_Collection, Icons.Material.Filled.CloudUpload, Roles.All,
        [
            new("collection/tasks", T.Nav_Tasks, Icons.Material.Filled.EventNote),
            new("collection/batches", T.Nav_Batches, Icons.Material.Filled.Inventory2),
        ]),
        new("cleansing", T.Nav_Cleansing, Icons.Material.Filled.CleaningServices, Roles.All,
        [
            new("cleansing", T.Nav_CleansingRules, Icons.Material.Filled.Rule),
        ]),
        new("quality", T.Nav_Quality, Icons.Material.Filled.FactCheck, Roles.All,
        [
            new("quality/rules", T.Nav_QualityRules, Icons.Material.Filled.Rule),
            new("quality/bindings", T.Nav_QualityBindings, Icons.Material.Filled.Link, Stewards),
            new("quality/runs", T.Nav_CheckRuns, Icons.Material.Filled.PlaylistAddCheck),
            new("quality/problems", T.Nav_Problems, Icons.Material.Filled.ReportProblem),
            new("quality/exceptions", T.Nav_Exceptions, Icons.Material.Filled.DoNotDisturbOn),
            new("quality/precheck", T.Nav_PreCheck, Icons.Material.Filled.Preview, Editors),
        ]),
        new("admin", T.Nav_Admin, Icons.Material.Filled.AdminPanelSettings, [Roles.Admin],
        [
            new("admin/departments", T.Nav_Departments, Icons.Material.Filled.AccountTree),
            new("admin/users", T.Nav_Users, Icons.Material.Filled.People),
            new("admin/calendar", T.Nav_Calendar, Icons.Material.Filled.EventNote),
            new("admin/audit", T.Nav_Audit, Icons.Material.Filled.FactCheck),
            new("hangfire", T.Nav_Jobs, Icons.Material.Filled.Schedule, ForceLoad: true),
        ]),
    ];

    /// <summary>The sections a role may use, each with only the links that role may follow.</summary>
    public static IEnumerable<NavSection> For(string? role) =>
        role is null ? [] : Sections
            .Where(s => s.Roles.Contains(role))
            .Select(s => s with { Items = s.Items.Where(i => i.Roles is null || i.Roles.Contains(role)).ToList() });
}
