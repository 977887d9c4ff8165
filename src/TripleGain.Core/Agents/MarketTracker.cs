using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>One <see cref="PairTracker"/> per pair, with the same <see cref="TrackerSettings"/>; builds the <see cref="TechnicalInput"/> of a cycle.</summary>
public sealed class MarketTracker
{
    private readonly Dictionary<Pair, PairTracker> _trackers;
    private readonly PairTracker[] _ordered;

    public MarketTracker(IEnumerable<Pair> pairs, TrackerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        Settings = settings ?? TrackerSettings.Default;
        Settings.Validate();
        _trackers = [];
        var ordered = new List<PairTracker>();
        foreach (var pair in pairs)
        {
            if (_trackers.ContainsKey(pair))
            {
                throw new ArgumentException($"Pair {pair} is listed twice: track each pair once.", nameof(pairs));
            }

            var tracker = new PairTracker(pair, Settings);
            _trackers.Add(pair, tracker);
            ordered.Add(tracker);
        }

        if (ordered.Count == 0)
        {
            throw new ArgumentException("A market tracker needs at least one pair.", nameof(pairs));
        }

        _ordered = ordered.ToArray();
        Pairs = _ordered.Select(t => t.Pair).ToArray();
    }

    public TrackerSettings Settings { get; }

    /// <summary>The tracked pairs, in the order given.</summary>
    public IReadOnlyList<Pair> Pairs { get; }

    public PairTracker this[Pair pair] =>
        _trackers.TryGetValue(pair, out var tracker)
            ? tracker
            : throw new KeyNotFoundException($"Pair {pair} is not tracked; tracked: {string.Join(", ", Pairs)}.");

    public bool Contains(Pair pair) => _trackers.ContainsKey(pair);

    /// <summary>Adds the next completed 1-minute candle of <paramref name="pair"/> (see <see cref="PairTracker.Add"/>).</summary>
    public void Add(Pair pair, in Candle candle) => this[pair].Add(candle);

    /// <summary>The input of the technical agent at <paramref name="timestamp"/>: every pair that has had a candle, in order.</summary>
    public TechnicalInput ToInput(DateTime timestamp)
    {
        var pairs = new List<PairIndicators>(_ordered.Length);
        foreach (var tracker in _ordered)
        {
            if (tracker.ToInput() is { } input)
            {
                pairs.Add(input);
            }
        }

        return new TechnicalInput(timestamp, pairs);
    }
}
