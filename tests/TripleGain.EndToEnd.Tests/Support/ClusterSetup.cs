using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TripleGain.Core.Stages;
using TripleGain.Grains;
using TripleGain.Grains.Stages;

namespace TripleGain.EndToEnd.Tests.Support;

/// <summary>
/// Test set-up and checks through an Orleans client connected to the silo's gateway: what a browser cannot arrange in
/// a few minutes (30 days of paper trading) and what it cannot see (a grain's state).
/// </summary>
public sealed class ClusterSetup : IAsyncDisposable
{
    private readonly IHost host;

    private ClusterSetup(IHost host) => this.host = host;

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterSetup> ConnectAsync(SiloProcess silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCoreSerialization();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(silo.GatewayPort, "triplegain", "triplegain"));
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterSetup(host);
    }

    /// <summary>
    /// Promotes an account of a silo started in phase 1 to phase 2 paper trading: the foundation gate has no figures,
    /// only checklist items, ticked here by "e2e-setup".
    /// </summary>
    public Task PromoteToPaperTradingAsync(string accountId) =>
        PromoteAsync(accountId, PhaseGates.FoundationToPaper, GateInputs.None, "end-to-end test set-up: foundation checklist done");

    /// <summary>
    /// Promotes a paper account to phase 3 micro-live as if its 30 days of paper trading had passed: a passing
    /// evaluation of the seed's gate with stand-in figures and ticks by "e2e-setup" (the stage grain re-checks it).
    /// From then on every trade of its week 1 waits for a person.
    /// </summary>
    public Task PromoteToMicroLiveAsync(string accountId) =>
        PromoteAsync(accountId, PhaseGates.PaperToMicroLive, new GateInputs
        {
            PaperTradingDays = 30, TradeCount = 20, Sharpe = 1.0, MaxDrawdown = 0.1, WinRate = 0.5, ProfitFactor = 1.5,
            Uptime = 1, DecisionLatencyP95 = TimeSpan.FromSeconds(1), ParseSuccessRate = 1,
        }, "end-to-end test set-up: as if 30 days of paper trading had passed");

    private async Task PromoteAsync(string accountId, PhaseGate gate, GateInputs inputs, string reason)
    {
        var ticks = gate.ManualItems.Select(i => new ManualTick(gate.Id, i.Id, "e2e-setup", DateTime.UtcNow, "end-to-end test set-up")).ToList();
        var result = await Client.GetGrain<IStageGrain>(accountId).PromoteAsync("e2e-setup", reason, GateEvaluator.Evaluate(gate, inputs, ticks));
        if (!result.Applied)
        {
            throw new InvalidOperationException($"Set-up promotion of {accountId} past {gate.Id} refused: {result.Refusal}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
