using MudBlazor;

namespace GovDataConsole.Components.Layout;

/// <summary>A sober government-console theme: deep blue with a restrained red accent, CJK-friendly fonts.</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F4E8C",
            Secondary = "#B71C1C",
            AppbarBackground = "#1F4E8C",
            Background = "#F4F6FA",
            DrawerBackground = "#FFFFFF",
            Success = "#2E7D32",
            Warning = "#ED6C02",
            Error = "#C62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["\"Noto Sans CJK SC\"", "\"Microsoft YaHei\"", "\"PingFang SC\"", "sans-serif"],
            },
            // Chinese labels read best as written; keeps "导出 Excel" from becoming "导出 EXCEL".
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
