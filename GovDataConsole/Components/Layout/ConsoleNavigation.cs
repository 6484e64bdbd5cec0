using GovDataConsole.Features.Organization;
using MudBlazor;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Components.Layout;

public sealed record NavItem(string Href, string Title, string Icon, bool ForceLoad = false);

public sealed record NavSection(string Key, string Title, string Icon, IReadOnlyList<string> Roles, IReadOnlyList<NavItem> Items);

/// <summary>The menu, per role. A section is listed here only once its pages exist.</summary>
public static class ConsoleNavigation
{
    public static IReadOnlyList<NavSection> Sections { get; } =
    [
        new("admin", T.Nav_Admin, Icons.Material.Filled.AdminPanelSettings, [Roles.Admin],
        [
            new("admin/departments", T.Nav_Departments, Icons.Material.Filled.AccountTree),
            new("admin/users", T.Nav_Users, Icons.Material.Filled.People),
            new("admin/audit", T.Nav_Audit, Icons.Material.Filled.FactCheck),
            new("hangfire", T.Nav_Jobs, Icons.Material.Filled.Schedule, ForceLoad: true),
        ]),
    ];

    public static IEnumerable<NavSection> For(string? role) =>
        role is null ? [] : Sections.Where(s => s.Roles.Contains(role));
}
