using Microsoft.Playwright;
using TripleGain.Core.Market;
using TripleGain.Core.Stages;
using TripleGain.EndToEnd.Tests.Support;
using TripleGain.Grains.Portfolio;
using TripleGain.Grains.Stages;

namespace TripleGain.EndToEnd.Tests;

/// <summary>
/// The promote button end to end. The only gate that can pass without weeks of trading is phase 1 -> phase 2
/// (foundation -> paper trading: three checklist items, no figure), and the shared silo's accounts are promoted past it at
/// set-up, so this test starts a silo of its own (own data folder and ports) whose configuration says
/// <c>stages.start_phase: 1</c>.
/// It shares the collection's browser.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class PromotionTests(SiloFixture fixture)
{
    private const string Account = "paper:baseline";
    private const string OtherAccount = "paper:buy-and-hold";
    private const string Reason = "e2e: foundation checklist done, start paper trading";

    [Fact]
    public async Task Promote_FoundationChecklistTickedInTheUi_DisabledUntilThenPromotesToPaperTrading()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("triplegain-e2e-phase1-").FullName;
        try
        {
            await using var silo = new SiloProcess(dataDirectory, SiloProcess.StartPhaseOneArguments(dataDirectory));
            await silo.StartAsync(SiloFixture.StartTimeout);
            await SiloFixture.WaitForFirstCycleAsync(silo);
            var page = await SiloFixture.SignedInPageAsync(fixture.Browser, silo, "phase1-");

            // Phase 1 places no trades; the overview says why and what to do.
            await Assertions.Expect(page.Locator("#overview-alerts"))
                .ToContainTextAsync($"{Account}: {StageRules.FoundationHaltReason}", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });

            await page.GotoAsync("/gates");
            await SiloFixture.WaitInteractiveAsync(page);
            var card = page.Locator("#stage-paper-baseline");
            await card.WaitForAsync();
            await Assertions.Expect(card.Locator(".stage-position")).ToHaveTextAsync(StagePosition.Foundation.Label);
            var checklist = card.Locator($".gate-checklist[data-gate='{PhaseGates.FoundationToPaper.Id}']");
            await Assertions.Expect(checklist.Locator("tr.manual-item")).ToHaveCountAsync(3);
            var promote = card.Locator(".promote-button");
            await Assertions.Expect(promote).ToContainTextAsync(StagePosition.PaperTrading.Label);
            await Screenshots.SaveAsync(page, "11-gates-phase1");

            // Each item ticked by the signed-in operator with a note; promote stays disabled until the last one.
            foreach (var item in PhaseGates.FoundationToPaper.ManualItems)
            {
                await Assertions.Expect(promote).ToBeDisabledAsync();
                var row = checklist.Locator($"tr.manual-item[data-item='{item.Id}']");
                await row.Locator(".tick-button").ClickAsync();
                var note = $"e2e: {item.Id} checked";
                await page.FillAsync("#dialog-reason", note);
                await page.ClickAsync("#dialog-confirm");
                await Assertions.Expect(row).ToContainTextAsync(note);
                await Assertions.Expect(row).ToContainTextAsync(SiloFixture.OperatorName);
                await Assertions.Expect(row.Locator(".tick-button")).ToHaveCountAsync(0);
            }

            await Assertions.Expect(checklist.Locator(".gate-status")).ToHaveTextAsync("passes");
            await Assertions.Expect(promote).ToBeEnabledAsync();

            // The confirmation asks for a reason: confirm stays disabled until one is given.
            await promote.ClickAsync();
            var confirm = page.Locator("#dialog-confirm");
            await Assertions.Expect(page.Locator(".mud-dialog"))
                .ToContainTextAsync($"Promote {Account} from {StagePosition.Foundation.Label} to {StagePosition.PaperTrading.Label}?");
            await Assertions.Expect(confirm).ToBeDisabledAsync();
            await page.FillAsync("#dialog-reason", Reason);
            await Assertions.Expect(confirm).ToBeEnabledAsync();
            await confirm.ClickAsync();

            // Phase 2 now, with the next gate (paper -> micro-live) as the current one and promote disabled again.
            await Assertions.Expect(card.Locator(".stage-position")).ToHaveTextAsync(StagePosition.PaperTrading.Label);
            await Assertions.Expect(card.Locator(".gate-checklist").First).ToHaveAttributeAsync("data-gate", PhaseGates.PaperToMicroLive.Id);
            await Assertions.Expect(checklist).ToHaveCountAsync(0);
            await Assertions.Expect(promote).ToContainTextAsync(StagePosition.MicroLive100.Label);
            await Assertions.Expect(promote).ToBeDisabledAsync();
            var latest = card.Locator(".stage-history tbody tr").First;
            await Assertions.Expect(latest).ToContainTextAsync(Reason);
            (await latest.InnerTextAsync()).ShouldContain(SiloFixture.OperatorName);
            await Screenshots.SaveAsync(page, "12-gates-promoted");
            await page.Context.CloseAsync();

            await using var check = await ClusterSetup.ConnectAsync(silo);
            var view = await check.Client.GetGrain<IStageGrain>(Account).GetAsync();
            view.Status.Position.ShouldBe(StagePosition.PaperTrading);
            view.Rules.TradingAllowed.ShouldBeTrue();
            var promotion = view.Status.History.ShouldHaveSingleItem();
            promotion.Kind.ShouldBe(TransitionKind.Promote);
            promotion.From.ShouldBe(StagePosition.Foundation);
            promotion.To.ShouldBe(StagePosition.PaperTrading);
            promotion.By.ShouldBe(SiloFixture.OperatorName);
            promotion.Reason.ShouldBe(Reason);

            // The account left in phase 1 has placed nothing in all the cycles so far (buy-and-hold would have bought at once).
            var other = await check.Client.GetGrain<IStageGrain>(OtherAccount).GetAsync();
            other.Status.Position.ShouldBe(StagePosition.Foundation);
            var portfolio = check.Client.GetGrain<IPortfolioGrain>(OtherAccount);
            (await portfolio.OpenOrdersAsync()).ShouldBeEmpty();
            var snapshot = await portfolio.SnapshotAsync(other.Now);
            snapshot.Positions.ShouldBeEmpty();
            snapshot.Balance(Asset.USDT).ShouldBe(1000m);
            snapshot.Balance(Asset.XRP).ShouldBe(500m);
            other.Rules.HaltReason.ShouldBe(StageRules.FoundationHaltReason);
        }
        finally
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
