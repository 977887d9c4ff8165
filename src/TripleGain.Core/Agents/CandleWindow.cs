using System.Collections;
using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// The most recent completed candles of one timeframe, oldest first, bounded by <see cref="Capacity"/>
/// (a ring buffer: adding to a full window drops the oldest candle; no allocation per candle).
/// </summary>
public sealed class CandleWindow : IReadOnlyList<Candle>
{
    private readonly Candle[] _buffer;
    private int _start;

    public CandleWindow(int capacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A candle window holds at least 1 candle.");
        }

        _buffer = new Candle[capacity];
    }

    public int Capacity => _buffer.Length;

    public int Count { get; private set; }

    /// <summary>The candle at <paramref name="index"/>: 0 is the oldest, <see cref="Count"/> - 1 the newest.</summary>
    public Candle this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The window holds {Count} candles.");
            }

            var position = _start + index;
            return _buffer[position >= _buffer.Length ? position - _buffer.Length : position];
        }
    }

    /// <summary>The newest candle, or null when the window is empty.</summary>
    public Candle? Latest => Count == 0 ? null : this[Count - 1];

    public void Add(in Candle candle)
    {
        if (Count < _buffer.Length)
        {
            var position = _start + Count;
            _buffer[position >= _buffer.Length ? position - _buffer.Length : position] = candle;
            Count++;
            return;
        }

        _buffer[_start] = candle;
        _start = _start + 1 == _buffer.Length ? 0 : _start + 1;
    }

    /// <summary>A copy of the candles, oldest first.</summary>
    public Candle[] ToArray()
    {
        var copy = new Candle[Count];
        for (var i = 0; i < Count; i++)
        {
            copy[i] = this[i];
        }

        return copy;
    }

    public IEnumerator<Candle> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
