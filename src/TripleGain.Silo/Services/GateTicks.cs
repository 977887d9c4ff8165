using TripleGain.Core.Stages;
using TripleGain.Journal;

namespace TripleGain.Silo.Services;

/// <summary>
/// The persons' ticks of manual gate items, kept in the decision journal's stage transitions of the account (the
/// position unchanged, the reason "Tick: &lt;gate&gt;/&lt;item&gt;: &lt;note&gt;"), so they are journalled with who and when,
/// survive restarts and are shared by every silo.
/// </summary>
public sealed class GateTicks(IDecisionJournal journal)
{
    public const string Prefix = "Tick: ";

    public async Task<IReadOnlyList<ManualTick>> ReadAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var transitions = await journal.StageTransitionsAsync(accountId, cancellationToken);
        var ticks = new List<ManualTick>();
        foreach (var t in transitions.Where(t => t.Reason.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var body = t.Reason[Prefix.Length..];
            var slash = body.IndexOf('/', StringComparison.Ordinal);
            var colon = body.IndexOf(": ", StringComparison.Ordinal);
            if (slash <= 0 || (colon >= 0 && colon < slash))
            {
                continue;
            }

            var gate = body[..slash];
            var item = colon < 0 ? body[(slash + 1)..] : body[(slash + 1)..colon];
            var note = colon < 0 ? null : body[(colon + 2)..];
            ticks.Add(new ManualTick(gate, item, t.ChangedBy, DateTime.SpecifyKind(t.ChangedAt, DateTimeKind.Utc), string.IsNullOrWhiteSpace(note) ? null : note));
        }

        return ticks;
    }

    public Task RecordAsync(string accountId, StagePosition position, ManualTick tick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var note = string.IsNullOrWhiteSpace(tick.Note) ? string.Empty : ": " + tick.Note.ReplaceLineEndings(" ").Trim();
        return journal.RecordStageTransitionAsync(
            new StageTransitionRecord(accountId, position.Label, position.Label, (int)position.Phase, $"{Prefix}{tick.GateId}/{tick.ItemId}{note}", tick.By, tick.At),
            cancellationToken);
    }
}
