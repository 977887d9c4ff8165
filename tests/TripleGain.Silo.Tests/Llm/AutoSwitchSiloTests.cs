using Microsoft.Extensions.DependencyInjection;
using TripleGain.Core.Stages;
using TripleGain.Grains.Models;
using TripleGain.Grains.Stages;
using TripleGain.Journal;
using TripleGain.Llm.Fakes;
using TripleGain.Silo.Services;
using TripleGain.Silo.Tests.Support;
using TripleGain.Silo.Tests.Trading;

namespace TripleGain.Silo.Tests.Llm;

/// <summary>
/// The real silo host with one paper account ("paper:main", comparison off) first traded by "claude", with
/// models.auto_switch_enabled on and scripted candidates in which "gpt" clearly beats "claude" and both benchmarks:
/// the first cycle switches the account to "gpt" before it decides, journals and logs why, and a restarted silo keeps
/// "gpt" although the candidates then name nobody.
/// </summary>
[Collection(SiloHostCollection.Name)]
public sealed class AutoSwitchSiloTests : IDisposable
{
    private readonly TempDirectory data = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Cycle_StageAllowsAndGptIsBest_SwitchesFromClaudeJournalsAndKeepsItAfterARestart()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.DecisionJson = LlmSiloSetup.DecisionJson;
        var candidates = new ScriptedCandidates { Current = ScriptedCandidates.ClearWinner("gpt", "claude") };
        var arguments = LlmSiloSetup.SingleAccountArguments(data.Path, server, "claude, gpt, baseline, buy-and-hold", autoSwitch: true);

        string reason;
        await using (var silo = await StartAsync(arguments, candidates))
        {
            var journal = silo.App.Services.GetRequiredService<IDecisionJournal>();
            var gpt = await WaitForDecisionAsync(silo, journal, "gpt");

            (await journal.CountDecisionsAsync(new DecisionFilter(AccountId: TradingAccounts.PaperMain, ModelId: "claude"), Cancel)).ShouldBe(0, "the switch comes before the first decision");
            server.ChatRequests.ShouldAllBe(r => r.Model == "gpt-4o");
            var switched = (await journal.StageTransitionsAsync(TradingAccounts.PaperMain, Cancel))
                .Single(t => t.Reason.StartsWith(ModelChange.JournalPrefix, StringComparison.Ordinal));
            switched.Reason.ShouldStartWith("Model: claude -> gpt: gpt is best: eligible, ranked 1");
            switched.ChangedBy.ShouldBe(StageStatus.SystemActor);
            switched.ToStage.ShouldBe(StagePosition.PaperTrading.Label);
            reason = switched.Reason["Model: claude -> gpt: ".Length..];
            silo.Logs.Lines.ShouldContain(l => l.Contains("paper:main: model switched automatically from claude to gpt", StringComparison.Ordinal));
            var view = await silo.Grains.GetGrain<IAccountModelGrain>(TradingAccounts.PaperMain).GetAsync();
            view.ModelId.ShouldBe("gpt");
            view.LastCheck.ShouldNotBeNull().Reason.ShouldBe(reason);
            gpt.CycleId.ShouldNotBeNull();

            // The models page says which model trades the account, that a switch chose it, and the change.
            var trading = (await silo.App.Services.GetRequiredService<IModelComparison>().ReadAsync(Cancel)).Trading.ShouldNotBeNull();
            (trading.AccountId, trading.ModelId, trading.Chosen, trading.AutoSwitchEnabled).ShouldBe((TradingAccounts.PaperMain, "gpt", true, true));
            trading.LastChange.ShouldNotBeNull().From.ShouldBe("claude");
            trading.LastCheck.ShouldNotBeNull().Switched.ShouldBeTrue();
            var overview = await silo.App.Services.GetRequiredService<ITradingOverview>().ReadAsync(Cancel);
            overview.Accounts.Select(a => (a.AccountId, a.ModelId)).ShouldBe([(TradingAccounts.PaperMain, "gpt")]);
        }

        candidates.Current = [];
        server.Reset();
        await using (var silo = await StartAsync(arguments, candidates))
        {
            var journal = silo.App.Services.GetRequiredService<IDecisionJournal>();
            var before = await journal.CountDecisionsAsync(new DecisionFilter(AccountId: TradingAccounts.PaperMain, ModelId: "gpt"), Cancel);
            await LlmSiloSetup.WaitForAsync(silo, async () =>
                await journal.CountDecisionsAsync(new DecisionFilter(AccountId: TradingAccounts.PaperMain, ModelId: "gpt"), Cancel) > before ? "decided" : null);

            (await journal.CountDecisionsAsync(new DecisionFilter(AccountId: TradingAccounts.PaperMain, ModelId: "claude"), Cancel)).ShouldBe(0);
            var view = await silo.Grains.GetGrain<IAccountModelGrain>(TradingAccounts.PaperMain).GetAsync();
            view.ModelId.ShouldBe("gpt");
            view.Changes.ShouldHaveSingleItem().Reason.ShouldBe(reason);
            (await journal.StageTransitionsAsync(TradingAccounts.PaperMain, Cancel)).Count(t => t.Reason.StartsWith(ModelChange.JournalPrefix, StringComparison.Ordinal)).ShouldBe(1);

            // The operator chooses on /models: refused without a person or for a model that cannot run, then done and journalled.
            var comparison = silo.App.Services.GetRequiredService<IModelComparison>();
            (await comparison.ChooseAsync("claude", "", "no one")).Succeeded.ShouldBeFalse();
            var unknown = await comparison.ChooseAsync("no-such-model", "alice", "typo");
            unknown.Succeeded.ShouldBeFalse();
            unknown.Message.ShouldContain("no-such-model");
            (await silo.Grains.GetGrain<IAccountModelGrain>(TradingAccounts.PaperMain).GetAsync()).ModelId.ShouldBe("gpt");

            var chosen = await comparison.ChooseAsync("claude", "alice", "back to claude after the provider incident review");
            chosen.Succeeded.ShouldBeTrue(chosen.Message);
            var trading = (await comparison.ReadAsync(Cancel)).Trading.ShouldNotBeNull();
            (trading.ModelId, trading.LastChange!.By, trading.LastChange.From).ShouldBe(("claude", "alice", "gpt"));
            await LlmSiloSetup.WaitForAsync(silo, async () => (await journal.StageTransitionsAsync(TradingAccounts.PaperMain, Cancel))
                .FirstOrDefault(t => t.Reason == "Model: gpt -> claude: back to claude after the provider incident review" && t.ChangedBy == "alice"));
        }
    }

    private static Task<RunningSilo> StartAsync(List<string> arguments, ScriptedCandidates candidates) =>
        RunningSilo.StartAsync(arguments, Cancel, builder => builder.Services.AddSingleton<IModelCandidateSource>(candidates));

    private static async Task<DecisionRecord> WaitForDecisionAsync(RunningSilo silo, IDecisionJournal journal, string model) =>
        await LlmSiloSetup.WaitForAsync(silo, async () =>
            (await journal.QueryDecisionsAsync(new DecisionFilter(AccountId: TradingAccounts.PaperMain, ModelId: model), DecisionPageRequest.Newest(), Cancel)).Items.FirstOrDefault());
}
