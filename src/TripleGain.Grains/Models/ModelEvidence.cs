using TripleGain.Core.Metrics;
using TripleGain.Core.Selection;

namespace TripleGain.Grains.Models;

/// <summary>
/// What is known of one model: its model grain's stats, the performance of its paper account (null before its first
/// equity snapshot) and the selector's candidate built from both (null when there is no report).
/// </summary>
public sealed record ModelEvidence(string ModelId, ModelStats Stats, PerformanceReport? Report, ModelCandidate? Candidate);
