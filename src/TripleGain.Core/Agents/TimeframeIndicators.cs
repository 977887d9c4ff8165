using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>The indicator values at the last completed candle of one timeframe (<see cref="IndicatorValues.Timestamp"/> is its open time).</summary>
public sealed record TimeframeIndicators(Timeframe Timeframe, IndicatorValues Values);
