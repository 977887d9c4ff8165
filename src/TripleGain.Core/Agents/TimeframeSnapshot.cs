using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>The indicator values and derived signals of one pair at one timeframe.</summary>
public sealed record TimeframeSnapshot(Timeframe Timeframe, IndicatorValues Indicators, TechnicalSignals Signals);
