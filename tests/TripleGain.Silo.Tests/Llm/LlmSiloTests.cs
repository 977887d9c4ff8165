using Microsoft.Extensions.DependencyInjection;
using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Grains.Models;
using TripleGain.Journal;
using TripleGain.Llm.Fakes;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Llm;

/// <summary>
/// The real silo host with LLM models configured against the fake provider server (one per provider, through the
/// real SDKs over HTTP), running beside the rule-based benchmarks in comparison mode.
/// </summary>
[Collection(SiloHostCollection.Name)]
public sealed class LlmSiloTests : IDisposable
{
    private readonly TempDirectory data = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Cycle_FiveLlmModelsBesideBenchmarks_JournalsDecisionsReasoningLatencyTokensAndCost()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.DecisionJson = LlmSiloSetup.DecisionJson;
        // every chat request waits until five are in flight: calls made one after another would never get there
        server.HoldUntilConcurrent(5, TimeSpan.FromSeconds(15));
        await using var silo = await RunningSilo.StartAsync(LlmSiloSetup.Arguments(data.Path, server), Cancel);
        var journal = silo.App.Services.GetRequiredService<IDecisionJournal>();

        var decisions = await WaitForDecisionsAsync(journal, [.. LlmSiloSetup.LlmModels, "baseline", "buy-and-hold"], silo);

        foreach (var model in LlmSiloSetup.LlmModels)
        {
            var btc = decisions[model].First(d => d.Pair == Pair.BtcUsdt);
            btc.AccountId.ShouldBe($"paper:{model}");
            btc.ParseStatus.ShouldBe(ParseStatus.Ok, btc.ParseError);
            btc.Action.ShouldBe(TradeAction.Hold);
            btc.Reasoning.ShouldBe("waiting for a pullback to the 4h EMA");
            btc.PromptName.ShouldBe("trading/decision@1");
            btc.PromptHash.ShouldNotBeNull().Length.ShouldBe(64);
            btc.RawOutput.ShouldNotBeNull().ShouldContain("waiting for a pullback");
            btc.LatencyMs.ShouldBeGreaterThan(0);
            btc.InputTokens.ShouldBeGreaterThan(0);
            btc.OutputTokens.ShouldBeGreaterThan(0);
            if (model != "qwen")
            {
                btc.CostUsd.ShouldBeGreaterThan(0m, $"{model} has prices");
            }

            decisions[model].Select(d => d.Pair).ShouldContain(Pair.XrpBtc);

            // The detail view's prompt: the rendered text the model answered, the same for every pair of the call.
            var prompt = (await journal.GetDecisionAsync(btc.Id, Cancel)).ShouldNotBeNull().Decision.PromptText.ShouldNotBeNull();
            prompt.ShouldContain("BTC/USDT");
            prompt.ShouldContain("XRP/BTC");
            prompt.ShouldNotContain(TestModels.AnthropicKey);
            var xrp = decisions[model].First(d => d.Pair == Pair.XrpBtc);
            (await journal.GetDecisionAsync(xrp.Id, Cancel))!.Decision.PromptText.ShouldBe(prompt);
        }

        decisions["baseline"].ShouldAllBe(d => d.PromptText == null);
        (await journal.GetDecisionAsync(decisions["baseline"][0].Id, Cancel))!.Decision.PromptText.ShouldBeNull();

        decisions["baseline"].ShouldAllBe(d => d.InputTokens == 0 && d.CostUsd == 0m);
        server.MaxConcurrency.ShouldBe(5);
        server.ChatRequests.ShouldNotContain(r => r.Headers.GetValueOrDefault("authorization", "").Contains("no-key", StringComparison.Ordinal));

        var statuses = silo.App.Services.GetRequiredService<IModelStatusSource>().Statuses();
        statuses.Select(s => s.ModelId).Take(8).ShouldBe(["baseline", "buy-and-hold", .. LlmSiloSetup.LlmModels, LlmSiloSetup.NoKeyModel]);
        statuses.Where(s => s.Kind == ModelStatus.LlmKind && s.ModelId != LlmSiloSetup.NoKeyModel).ShouldAllBe(s => s.Trading);
        var noKey = statuses.Single(s => s.ModelId == LlmSiloSetup.NoKeyModel);
        noKey.Availability.ShouldBe(ModelAvailability.NotConfigured);
        noKey.Detail.ShouldBe($"{LlmSiloSetup.UnsetKeyVariable} is not set");
        noKey.Active.ShouldBeTrue();
        noKey.Trading.ShouldBeFalse();
        (await journal.CountDecisionsAsync(new DecisionFilter(ModelId: LlmSiloSetup.NoKeyModel), Cancel)).ShouldBe(0);
        silo.Logs.Lines.Count(l => l.Contains($"Model {LlmSiloSetup.NoKeyModel} is active in models.active_models but not configured", StringComparison.Ordinal)).ShouldBe(1);
        silo.Logs.Lines.ShouldNotContain(l => l.Contains(TestModels.AnthropicKey, StringComparison.Ordinal));

        var spend = await new SqlLlmSpend(silo.App.Services.GetRequiredService<JournalDatabase>()).DayAsync(DateOnly.FromDateTime(DateTime.UtcNow), Cancel);
        spend.Select(s => s.ModelId).ShouldBe(["claude", "deepseek", "gpt", "grok", "qwen"], ignoreOrder: true);
        spend.Where(s => s.ModelId != "qwen").ShouldAllBe(s => s.Calls >= 1 && s.CostUsd > 0m);
    }

    [Fact]
    public async Task Restart_DailyBudgetSpent_TheModelStillHoldsWithoutCalling()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.DecisionJson = LlmSiloSetup.DecisionJson;
        // one call costs more than the budget, so after the first call the day's budget is spent
        var arguments = LlmSiloSetup.Arguments(data.Path, server, extraActive: "frugal",
            [.. LlmSiloSetup.Model("frugal", "OpenAI", "gpt-4o-mini", server.BaseUrl + "v1/", 2.5m, 10m), "--Llm:Models:frugal:DailyBudgetUsd=0.0001"]);
        await using (var silo = await RunningSilo.StartAsync(arguments, Cancel))
        {
            await WaitForDecisionsAsync(silo.App.Services.GetRequiredService<IDecisionJournal>(), ["frugal"], silo);
        }

        var callsBefore = server.ChatRequests.Count(r => r.Model == "gpt-4o-mini");
        callsBefore.ShouldBe(1);
        await using (var silo = await RunningSilo.StartAsync(arguments, Cancel))
        {
            var journal = silo.App.Services.GetRequiredService<IDecisionJournal>();
            var held = await LlmSiloSetup.WaitForAsync(silo, async () =>
            {
                var page = await journal.QueryDecisionsAsync(new DecisionFilter(ModelId: "frugal"), DecisionPageRequest.Newest(), Cancel);
                return page.Items.FirstOrDefault(d => d.Reasoning?.Contains("daily budget", StringComparison.Ordinal) == true);
            });

            held.Action.ShouldBe(TradeAction.Hold);
            held.Reasoning.ShouldNotBeNull().ShouldContain("daily budget of $0.0001 reached");
            silo.Logs.Lines.ShouldContain(l => l.Contains("Model frugal: today's LLM spend restored from the journal", StringComparison.Ordinal));
        }

        server.ChatRequests.Count(r => r.Model == "gpt-4o-mini").ShouldBe(callsBefore);
    }

    private static async Task<Dictionary<string, IReadOnlyList<DecisionRecord>>> WaitForDecisionsAsync(IDecisionJournal journal, IReadOnlyList<string> models, RunningSilo silo) =>
        await LlmSiloSetup.WaitForAsync(silo, async () =>
        {
            var found = new Dictionary<string, IReadOnlyList<DecisionRecord>>(StringComparer.Ordinal);
            foreach (var model in models)
            {
                var page = await journal.QueryDecisionsAsync(new DecisionFilter(ModelId: model), DecisionPageRequest.Newest(), Cancel);
                if (page.Items.Count == 0)
                {
                    return null;
                }

                found[model] = page.Items;
            }

            return found;
        });
}
