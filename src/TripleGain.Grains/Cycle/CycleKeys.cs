using TripleGain.Core.Configuration;

namespace TripleGain.Grains.Cycle;

/// <summary>The cycle grain's keys: "paper" runs the comparison accounts, "live" the live account.</summary>
public static class CycleKeys
{
    public const string Paper = "paper";
    public const string Live = "live";

    public static string For(TradingMode mode) => mode == TradingMode.Live ? Live : Paper;
}
