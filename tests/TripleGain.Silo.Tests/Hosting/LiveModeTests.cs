using Microsoft.Extensions.DependencyInjection;
using TripleGain.Grains.Portfolio;
using TripleGain.Silo.Services;
using TripleGain.Silo.Tests.Durability;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Hosting;

/// <summary>
/// Live mode before an exchange brokerage exists: the live account trades the simulated market on the paper exchange,
/// and the operator is told so on the overview and in the log, never left to think real orders go out.
/// </summary>
[Collection(SiloHostCollection.Name)]
public sealed class LiveModeTests : IDisposable
{
    private readonly TempDirectory data = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Overview_LiveConfiguration_WarnsThatLiveModeIsARehearsalWithoutAnExchange()
    {
        var arguments = RunningSilo.Arguments(data.Path);
        arguments.Add($"--Trading:ConfigFile={Path.Combine(AppContext.BaseDirectory, "config", "live_trading_config.yaml")}");
        await using var silo = await RunningSilo.StartAsync(arguments, Cancel);

        var overview = await silo.App.Services.GetRequiredService<ITradingOverview>().ReadAsync(Cancel);

        overview.Mode.ShouldBe("live");
        overview.Accounts.Select(a => (a.AccountId, a.ModelId)).ShouldBe([(AccountIds.Live, "baseline")]);
        overview.Alerts.ShouldContain(new OperatorAlert(AlertLevel.Warning, TradingOverview.LiveRehearsal));
        await Waiting.UntilAsync(() => Task.FromResult(silo.Logs.Lines.Any(l => l.Contains("Live mode is a rehearsal", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(15), () => "the silo never logged that live mode is a rehearsal");
    }

    [Fact]
    public async Task Overview_PaperConfiguration_HasNoLiveRehearsalWarning()
    {
        await using var silo = await RunningSilo.StartAsync(RunningSilo.Arguments(data.Path), Cancel);

        var overview = await silo.App.Services.GetRequiredService<ITradingOverview>().ReadAsync(Cancel);

        overview.Mode.ShouldBe("paper");
        overview.Accounts.Select(a => (a.AccountId, a.ModelId)).ShouldBe([("paper:baseline", "baseline"), ("paper:buy-and-hold", "buy-and-hold")]);
        overview.Alerts.ShouldNotContain(a => a.Message == TradingOverview.LiveRehearsal);
    }
}
