using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// Turns the indicator values of each pair and timeframe into a <see cref="MarketSnapshot"/> with the derived signals
/// of <see cref="SignalClassifier"/>. Pure: the same input gives the same snapshot. Pairs and timeframes keep the
/// input's order.
/// </summary>
public sealed class TechnicalAgent : IAgent<TechnicalInput, MarketSnapshot>
{
    public string Name => "technical";

    public MarketSnapshot Run(TechnicalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Pairs, nameof(input.Pairs));

        var pairs = new PairSnapshot[input.Pairs.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            var pair = input.Pairs[i] ?? throw new ArgumentException($"TechnicalInput.Pairs[{i}] is null.", nameof(input));
            for (var j = 0; j < i; j++)
            {
                if (pairs[j].Pair == pair.Pair)
                {
                    throw new ArgumentException($"TechnicalInput lists pair {pair.Pair} twice: each pair once.", nameof(input));
                }
            }

            if (pair.LastPrice <= 0)
            {
                throw new ArgumentException($"TechnicalInput pair {pair.Pair} has last price {pair.LastPrice}: it must be positive.", nameof(input));
            }

            pairs[i] = Snapshot(pair);
        }

        return new MarketSnapshot(input.Timestamp, pairs);
    }

    private static PairSnapshot Snapshot(PairIndicators pair)
    {
        var timeframes = new TimeframeSnapshot[pair.Timeframes.Count];
        for (var i = 0; i < timeframes.Length; i++)
        {
            var timeframe = pair.Timeframes[i];
            if (timeframe?.Values is null)
            {
                throw new ArgumentException($"TechnicalInput pair {pair.Pair} has no indicator values at timeframe index {i}.", nameof(pair));
            }

            for (var j = 0; j < i; j++)
            {
                if (timeframes[j].Timeframe == timeframe.Timeframe)
                {
                    throw new ArgumentException($"TechnicalInput pair {pair.Pair} lists timeframe {timeframe.Timeframe.Label()} twice.", nameof(pair));
                }
            }

            timeframes[i] = new TimeframeSnapshot(timeframe.Timeframe, timeframe.Values, SignalClassifier.Classify(timeframe.Values, timeframe.Timeframe));
        }

        return new PairSnapshot(pair.Pair, pair.Timestamp, pair.LastPrice, timeframes);
    }
}
