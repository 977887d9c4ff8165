namespace TripleGain.Journal;

/// <summary>
/// The result of an insert-if-absent: the stored row (or its id) and whether it was already there. For orders,
/// <see cref="AlreadyExisted"/> true means "this client order id was journaled before: do not execute it again".
/// </summary>
public sealed record Recorded<T>(T Value, bool AlreadyExisted);
