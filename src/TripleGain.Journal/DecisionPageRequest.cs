namespace TripleGain.Journal;

/// <summary>
/// Which page of decisions to read (keyset paging; pages are always newest first). With no cursor: the newest
/// <see cref="Limit"/> decisions. <see cref="OlderThan"/>: the next page down (pass the page's <c>Older</c> cursor).
/// <see cref="NewerThan"/>: the page just above (pass the page's <c>Newer</c> cursor); <see cref="Oldest"/> is the last page.
/// </summary>
public sealed record DecisionPageRequest(int Limit = 100, DecisionCursor? OlderThan = null, DecisionCursor? NewerThan = null)
{
    public const int MaxLimit = 1000;

    public static DecisionPageRequest Newest(int limit = 100) => new(limit);

    public static DecisionPageRequest Oldest(int limit = 100) => new(limit, NewerThan: DecisionCursor.Beginning);
}
