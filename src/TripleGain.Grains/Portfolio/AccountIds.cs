namespace TripleGain.Grains.Portfolio;

/// <summary>Account id conventions: "paper:&lt;model&gt;" for comparison accounts, "live:main" for the live account.</summary>
public static class AccountIds
{
    public const string Live = "live:main";

    public static string Paper(string modelId) => $"paper:{modelId}";

    public static bool IsPaper(string accountId) => accountId.StartsWith("paper:", StringComparison.Ordinal);
}
