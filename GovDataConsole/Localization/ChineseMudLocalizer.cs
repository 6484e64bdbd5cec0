using System.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace GovDataConsole.Localization;

/// <summary>Supplies MudBlazor's own strings (pager, filters, dialogs) in Chinese from Resources/MudText.resx.</summary>
public sealed class ChineseMudLocalizer : MudLocalizer
{
    private static readonly ResourceManager Text = new("GovDataConsole.Resources.MudText", typeof(ChineseMudLocalizer).Assembly);

    public override LocalizedString this[string key]
    {
        get
        {
            var value = Text.GetString(key);
            return new LocalizedString(key, value ?? key, resourceNotFound: value is null);
        }
    }
}
