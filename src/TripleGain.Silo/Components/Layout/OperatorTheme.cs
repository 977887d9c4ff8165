using MudBlazor;

namespace TripleGain.Silo.Components.Layout;

/// <summary>The UI's MudBlazor theme: system fonts (no web fonts are fetched), a dark app bar.</summary>
public static class OperatorTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5aa8",
            AppbarBackground = "#1f2937",
            AppbarText = "#ffffff",
            Background = "#f5f6f8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "DejaVu Sans", "Arial", "sans-serif"] },
        },
    };
}
