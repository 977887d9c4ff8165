namespace TripleGain.Core.Configuration;

/// <summary>The <c>cycle.*</c> section: how often the cycle runs and how often models are asked.</summary>
public sealed record CycleConfig(TimeSpan Interval, TimeSpan DecisionInterval);
