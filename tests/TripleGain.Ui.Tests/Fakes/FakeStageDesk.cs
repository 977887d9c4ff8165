using TripleGain.Core.Stages;
using TripleGain.Silo.Services;

namespace TripleGain.Ui.Tests.Fakes;

/// <summary>A stage desk in memory that records every action (who, what, why).</summary>
public sealed class FakeStageDesk : IStageDesk
{
    public StageSummary Summary { get; set; } = new(StagePosition.PaperTrading.Label, null, null, 0, []);

    public StageBoard Board { get; set; } = new(Samples.Start, null, []);

    public DeskResult Answer { get; set; } = DeskResult.Done("done");

    public List<string> Actions { get; } = [];

    public int BoardReads { get; private set; }

    public int GlobalStopReads { get; private set; }

    public Task<StageSummary> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(Summary);

    public Task<StageBoard> ReadBoardAsync(CancellationToken cancellationToken = default)
    {
        BoardReads++;
        return Task.FromResult(Board);
    }

    public Task<DeskResult> TickAsync(string accountId, string gateId, string itemId, string by, string? note, CancellationToken cancellationToken = default) =>
        Record($"tick {accountId} {gateId}/{itemId} by {by}: {note}");

    public Task<DeskResult> PromoteAsync(string accountId, string by, string reason, CancellationToken cancellationToken = default) =>
        Record($"promote {accountId} by {by}: {reason}");

    public Task<EmergencyStop?> GlobalStopAsync(CancellationToken cancellationToken = default)
    {
        GlobalStopReads++;
        return Task.FromResult(Summary.EmergencyStop);
    }

    public Task<DeskResult> EmergencyStopAsync(string by, string reason, CancellationToken cancellationToken = default)
    {
        Summary = Summary with { EmergencyStop = new EmergencyStop(by, Samples.Start, reason) };
        return Record($"stop by {by}: {reason}");
    }

    public Task<DeskResult> ResumeAsync(string by, string reason, CancellationToken cancellationToken = default)
    {
        Summary = Summary with { EmergencyStop = null };
        return Record($"resume by {by}: {reason}");
    }

    private Task<DeskResult> Record(string action)
    {
        Actions.Add(action);
        return Task.FromResult(Answer);
    }
}
