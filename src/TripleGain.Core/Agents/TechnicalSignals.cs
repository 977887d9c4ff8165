namespace TripleGain.Core.Agents;

/// <summary>Signals derived from the indicator values, in words a prompt can carry.</summary>
public sealed record TechnicalSignals(Trend Trend, Momentum Momentum, VolatilityRegime Volatility);
