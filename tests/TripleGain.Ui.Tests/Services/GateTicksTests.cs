using TripleGain.Core.Stages;
using TripleGain.Journal;
using TripleGain.Silo.Services;
using TripleGain.Ui.Tests.Auth;
using TripleGain.Ui.Tests.Fakes;

namespace TripleGain.Ui.Tests.Services;

/// <summary>Manual gate ticks journalled as stage transitions and read back, on a real SQLite journal.</summary>
public sealed class GateTicksTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private SqlDecisionJournal journal = default!;

    public async ValueTask InitializeAsync()
    {
        var database = JournalDatabase.ForSqliteFile(Path.Combine(folder.Path, "journal.db"));
        await new JournalMigrator(database).MigrateAsync(TestContext.Current.CancellationToken);
        journal = new SqlDecisionJournal(database);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task RecordAsync_TicksWithAndWithoutNote_ReadBackForTheirAccountOnly()
    {
        var ticks = new GateTicks(journal);
        var ct = TestContext.Current.CancellationToken;
        await ticks.RecordAsync("paper:baseline", StagePosition.PaperTrading,
            new ManualTick("paper-to-micro-live", "backups-verified", "alice", Samples.Start, "restored: journal.db, orleans.db"), ct);
        await ticks.RecordAsync("paper:baseline", StagePosition.PaperTrading,
            new ManualTick("paper-to-micro-live", "funded-100", "bob", Samples.Start.AddMinutes(1), null), ct);
        await ticks.RecordAsync("paper:other", StagePosition.PaperTrading,
            new ManualTick("paper-to-micro-live", "funded-100", "carol", Samples.Start, "x"), ct);
        // A transition the stage grain journals is not a tick.
        await journal.RecordStageTransitionAsync(new StageTransitionRecord("paper:baseline", null, StagePosition.PaperTrading.Label, 2,
            "Start: account created", "system", Samples.Start), ct);

        var read = await ticks.ReadAsync("paper:baseline", ct);

        read.ShouldBe([
            new ManualTick("paper-to-micro-live", "backups-verified", "alice", Samples.Start, "restored: journal.db, orleans.db"),
            new ManualTick("paper-to-micro-live", "funded-100", "bob", Samples.Start.AddMinutes(1), null),
        ]);
        var evaluation = GateEvaluator.Evaluate(PhaseGates.PaperToMicroLive, GateInputs.None, read);
        evaluation.ManualItems.Count(m => m.Ticked).ShouldBe(2);
    }
}
