namespace TripleGain.Core.Market;

/// <summary>A candle file that cannot be read: names the file, the 1-based line and the reason.</summary>
public sealed class CandleFormatException : FormatException
{
    public CandleFormatException(string source, int line, string reason)
        : base($"{source}:{line}: {reason}")
    {
        Source = source;
        Line = line;
        Reason = reason;
    }

    public CandleFormatException()
    {
        Source = string.Empty;
        Reason = string.Empty;
    }

    public CandleFormatException(string message)
        : base(message)
    {
        Source = string.Empty;
        Reason = message;
    }

    public CandleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = string.Empty;
        Reason = message;
    }

    public new string Source { get; }

    public int Line { get; }

    public string Reason { get; }
}
