using Microsoft.Extensions.DependencyInjection;
using TripleGain.Core.Agents;
using TripleGain.Grains.Models;
using TripleGain.Grains.Stages;
using TripleGain.Journal;
using TripleGain.Llm.Fakes;
using TripleGain.Silo.Services;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Llm;

/// <summary>
/// The real silo host in single-account mode (comparison off: one "paper:main" account) traded by an LLM model
/// ("claude", against the fake provider server through the real SDK) with <c>models.fallback_model: buy-and-hold</c>.
/// The fallback is the passive benchmark because it buys on its first decision, so an order exists whose decision id
/// can be checked.
/// </summary>
[Collection(SiloHostCollection.Name)]
public sealed class FallbackSiloTests : IDisposable
{
    private const string Primary = "claude";
    private const string Fallback = "buy-and-hold";
    private readonly TempDirectory data = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => data.Dispose();

    [Theory]
    [InlineData("500")]
    [InlineData("malformed")]
    public async Task Cycle_PrimaryFails_FallbackDecidesForTheSameAccountAndCycleAndOnlyItsOrdersArePlaced(string failure)
    {
        await using var server = await FakeProviderServer.StartAsync();
        if (failure == "500")
        {
            for (var i = 0; i < 100; i++)
            {
                server.Enqueue(FakeReply.Error(500, FakeProviderServer.RecordedError("anthropic", 500)));
            }
        }
        else
        {
            server.DecisionJson = "I would buy BTC here, it looks strong. {\"decisions\": [ {\"pair\": \"BTC/USDT\", \"action\": \"MOON\"";
        }

        await using var silo = await RunningSilo.StartAsync(LlmSiloSetup.SingleAccountArguments(data.Path, server, Primary, Fallback), Cancel);
        var journal = silo.App.Services.GetRequiredService<IDecisionJournal>();

        // the first decision cycle in which the fallback stood in, finished
        var (cycleId, fallbackDecisions) = await LlmSiloSetup.WaitForAsync(silo, async () =>
        {
            var page = await journal.QueryDecisionsAsync(new DecisionFilter(AccountId: TradingAccounts.PaperMain, ModelId: Fallback), DecisionPageRequest.Newest(), Cancel);
            if (page.Items.Count == 0)
            {
                return null;
            }

            if (page.Items.MinBy(d => d.Id)!.CycleId is not { } first)
            {
                return null;
            }

            var cycle = await journal.GetCycleAsync(first, Cancel);
            return cycle is { Status: CycleStatus.Succeeded } ? Tuple.Create(first, page.Items.Where(d => d.CycleId == first).ToList()) : null;
        });

        var primaryDecisions = (await journal.QueryDecisionsAsync(new DecisionFilter(AccountId: TradingAccounts.PaperMain, ModelId: Primary), DecisionPageRequest.Newest(), Cancel))
            .Items.Where(d => d.CycleId == cycleId).ToList();
        primaryDecisions.ShouldNotBeEmpty($"{Primary}'s failed decision of {cycleId} is journalled");
        primaryDecisions.ShouldAllBe(d => d.ParseStatus == ParseStatus.Failed && d.ParseError != null);
        if (failure == "500")
        {
            primaryDecisions.ShouldAllBe(d => d.ParseError!.Contains("500", StringComparison.Ordinal));
        }
        else
        {
            primaryDecisions.ShouldAllBe(d => d.RawOutput!.Contains("MOON", StringComparison.Ordinal));
        }

        fallbackDecisions.ShouldAllBe(d => d.ParseStatus == ParseStatus.Ok && d.AccountId == TradingAccounts.PaperMain);
        var buys = fallbackDecisions.Where(d => d.Action == TradeAction.Buy).ToList();
        buys.ShouldNotBeEmpty("buy-and-hold buys on its first decision");

        // every order of the account points at a fallback decision; none at the failed primary's
        var fallbackOrders = new List<OrderRecord>();
        foreach (var decision in buys)
        {
            var detail = (await journal.GetDecisionAsync(decision.Id, Cancel)).ShouldNotBeNull();
            fallbackOrders.AddRange(detail.Orders);
        }

        fallbackOrders.ShouldNotBeEmpty();
        fallbackOrders.ShouldAllBe(o => o.AccountId == TradingAccounts.PaperMain);
        foreach (var decision in primaryDecisions)
        {
            (await journal.GetDecisionAsync(decision.Id, Cancel)).ShouldNotBeNull().Orders.ShouldBeEmpty();
        }

        var orders = (await TradingStore.ForSqlite(data.Path).ReadAsync()).Orders.Where(o => o.AccountId == TradingAccounts.PaperMain).ToList();
        orders.Select(o => o.ClientOrderId).ShouldBeSubsetOf(fallbackOrders.Select(o => o.ClientOrderId).Concat(await LaterFallbackOrdersAsync(journal, cycleId)));

        var primaryStats = await silo.Grains.GetGrain<IModelGrain>(Primary).GetStatsAsync();
        if (failure == "500")
        {
            primaryStats.Errors.ShouldBeGreaterThan(0, "a provider failure counts against uptime");
        }
        else
        {
            primaryStats.ParseSuccessRate.ShouldBe(0d, "invalid output counts against parse success");
        }

        silo.Logs.Lines.ShouldContain(l => l.Contains($"{Primary} failed", StringComparison.Ordinal) && l.Contains($"{Fallback} decides for {TradingAccounts.PaperMain}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cycle_PrimaryAnswers_FallbackIsNeverAsked()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.DecisionJson = LlmSiloSetup.DecisionJson;
        await using var silo = await RunningSilo.StartAsync(LlmSiloSetup.SingleAccountArguments(data.Path, server, Primary, Fallback), Cancel);
        var journal = silo.App.Services.GetRequiredService<IDecisionJournal>();

        // two finished decision cycles of the primary
        var cycles = await LlmSiloSetup.WaitForAsync(silo, async () =>
        {
            var page = await journal.QueryDecisionsAsync(new DecisionFilter(AccountId: TradingAccounts.PaperMain, ModelId: Primary), DecisionPageRequest.Newest(), Cancel);
            var ids = page.Items.Select(d => d.CycleId).OfType<string>().Distinct().ToList();
            var finished = new List<string>();
            foreach (var id in ids)
            {
                if (await journal.GetCycleAsync(id, Cancel) is { Status: CycleStatus.Succeeded })
                {
                    finished.Add(id);
                }
            }

            return finished.Count >= 2 ? finished : null;
        });

        cycles.Count.ShouldBeGreaterThanOrEqualTo(2);
        var primary = await journal.QueryDecisionsAsync(new DecisionFilter(AccountId: TradingAccounts.PaperMain, ModelId: Primary), DecisionPageRequest.Newest(), Cancel);
        primary.Items.ShouldAllBe(d => d.ParseStatus == ParseStatus.Ok);
        (await journal.CountDecisionsAsync(new DecisionFilter(ModelId: Fallback), Cancel)).ShouldBe(0);
        (await silo.Grains.GetGrain<IModelGrain>(Fallback).GetStatsAsync()).Calls.ShouldBe(0);
        server.ChatRequests.Count.ShouldBeGreaterThanOrEqualTo(2);
        silo.Logs.Lines.ShouldNotContain(l => l.Contains($"{Fallback} decides for", StringComparison.Ordinal));

        // The single account's gate figures are the model's that trades it, and the overview lists that account.
        var account = (await silo.App.Services.GetRequiredService<IStageDesk>().ReadBoardAsync(Cancel)).Accounts.ShouldHaveSingleItem();
        account.AccountId.ShouldBe(TradingAccounts.PaperMain);
        var figures = account.Gate.ShouldNotBeNull().Criteria.ToDictionary(c => c.Criterion.Id, c => c.Value);
        figures["parse-success"].ShouldBe(1);
        figures["uptime"].ShouldBe(1);
        figures["latency-p95"].ShouldNotBeNull();
        var overview = await silo.App.Services.GetRequiredService<ITradingOverview>().ReadAsync(Cancel);
        overview.Accounts.Select(a => (a.AccountId, a.ModelId)).ShouldBe([(TradingAccounts.PaperMain, Primary)]);
    }

    /// <summary>Orders placed by the fallback in cycles after the first one (the primary keeps failing, so it keeps standing in).</summary>
    private static async Task<IEnumerable<string>> LaterFallbackOrdersAsync(IDecisionJournal journal, string firstCycle)
    {
        var ids = new List<string>();
        var page = await journal.QueryDecisionsAsync(new DecisionFilter(AccountId: TradingAccounts.PaperMain, ModelId: Fallback), DecisionPageRequest.Newest(), Cancel);
        foreach (var decision in page.Items.Where(d => d.CycleId != firstCycle))
        {
            ids.AddRange((await journal.GetDecisionAsync(decision.Id, Cancel)).ShouldNotBeNull().Orders.Select(o => o.ClientOrderId));
        }

        return ids;
    }
}
