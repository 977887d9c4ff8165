using TripleGain.Core.Configuration;
using TripleGain.Grains.Models;
using TripleGain.Grains.Portfolio;

namespace TripleGain.Grains.Stages;

/// <summary>
/// The accounts the cycle trades. Comparison mode (paper): "paper:&lt;model&gt;" for every active model the registry
/// can run, each with the same starting capital. Otherwise one account — "live:main" in live mode, "paper:main" for a
/// single-model paper run — traded by the model chosen for it (<see cref="IAccountModelGrain"/>) while it can run, else
/// by the first usable active model, with <c>models.fallback_model</c> standing in
/// when that model fails (the local model in phase 3). Paper and live differ only in the brokerage behind the account.
/// </summary>
public static class TradingAccounts
{
    public const string PaperMain = "paper:main";

    /// <summary>The id of the single traded account ("live:main" or "paper:main"); null in paper comparison mode.</summary>
    public static string? SingleAccountId(TradingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Mode == TradingMode.Paper && config.Models.ComparisonMode ? null
            : config.Mode == TradingMode.Live ? AccountIds.Live : PaperMain;
    }

    public static IReadOnlyList<string> ActiveModels(TradingConfig config, IModelRegistry models)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(models);
        return config.Models.ActiveModels.Where(m => models.Find(m) is not null).ToList();
    }

    public static IReadOnlyList<TradingAccount> Of(TradingConfig config, IModelRegistry models) => Of(config, models, null);

    /// <summary>
    /// The accounts as the cycle trades them now: the single account with the model chosen for it
    /// (<see cref="IAccountModelGrain"/>), without running the automatic switch. Comparison mode needs no grain call.
    /// </summary>
    public static async Task<IReadOnlyList<TradingAccount>> CurrentAsync(IGrainFactory grains, TradingConfig config, IModelRegistry models)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (SingleAccountId(config) is not { } single)
        {
            return Of(config, models);
        }

        var chosen = await grains.GetGrain<IAccountModelGrain>(single).GetAsync();
        return Of(config, models, chosen.ModelId);
    }

    /// <summary>
    /// The accounts, the single account traded by <paramref name="chosenModel"/> (<see cref="IAccountModelGrain"/>:
    /// switched automatically or by the operator) while it can run, else by the configuration's rule. Comparison mode
    /// ignores it.
    /// </summary>
    public static IReadOnlyList<TradingAccount> Of(TradingConfig config, IModelRegistry models, string? chosenModel)
    {
        var active = ActiveModels(config, models);
        if (SingleAccountId(config) is not { } single)
        {
            return active.Select(m => new TradingAccount(AccountIds.Paper(m), m, null)).ToList();
        }

        var fallback = config.Models.FallbackModel is { } f && models.Find(f) is not null ? f : null;
        var chosen = chosenModel is not null && models.Find(chosenModel) is not null ? chosenModel : null;
        var primary = chosen ?? (active.Count > 0 ? active[0] : fallback);
        if (primary is null)
        {
            return [];
        }

        return [new TradingAccount(single, primary, fallback == primary ? null : fallback)];
    }
}
