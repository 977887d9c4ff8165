namespace TripleGain.Llm.Costs;

/// <summary>One model's spend on one UTC day.</summary>
public sealed record DailyCost(string ModelId, DateOnly Day, decimal CostUsd, int Calls, long InputTokens, long OutputTokens);
