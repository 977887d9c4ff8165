namespace TripleGain.Silo.Tests.Support;

/// <summary>A row of the journal's <c>orders</c> table.</summary>
public sealed record JournalOrder(string ClientOrderId, string AccountId, decimal Volume, string Status);
