namespace TripleGain.Core.Agents;

/// <summary>The <see cref="TechnicalAgent"/>'s input for one cycle, usually built by <see cref="MarketTracker.ToInput"/>.</summary>
public sealed record TechnicalInput(DateTime Timestamp, IReadOnlyList<PairIndicators> Pairs);
