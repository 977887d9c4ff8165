namespace TripleGain.Core.Selection;

/// <summary>
/// One metric of one model: the raw <see cref="Value"/> (null when missing or unbounded; see <see cref="Display"/>),
/// its normalised rank <see cref="Score"/> in 0..1 (1 = best of all candidates) and the metric's <see cref="Weight"/>
/// (already divided by the sum of the weights).
/// </summary>
public sealed record MetricScore(SelectionMetric Metric, double? Value, string Display, double Score, double Weight);
