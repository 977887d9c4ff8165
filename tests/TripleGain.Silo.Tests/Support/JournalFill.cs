namespace TripleGain.Silo.Tests.Support;

/// <summary>A row of the journal's <c>fills</c> table.</summary>
public sealed record JournalFill(string FillId, string ClientOrderId, decimal Price, decimal Volume, decimal Fee, DateTime FilledAt);
