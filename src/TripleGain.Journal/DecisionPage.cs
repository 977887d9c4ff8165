namespace TripleGain.Journal;

/// <summary>
/// A page of decisions, newest first. <see cref="Older"/> is set when older decisions match the filter (pass it as
/// <c>OlderThan</c> for the next page); <see cref="Newer"/> when newer ones do (pass it as <c>NewerThan</c>).
/// </summary>
public sealed record DecisionPage(IReadOnlyList<DecisionRecord> Items, DecisionCursor? Older, DecisionCursor? Newer);
