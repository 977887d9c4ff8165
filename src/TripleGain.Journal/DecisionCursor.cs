using System.Globalization;

namespace TripleGain.Journal;

/// <summary>
/// A position in the decisions' order (newest first: by <see cref="DecidedAt"/>, then <see cref="Id"/>), used for
/// keyset paging. <see cref="ToString"/> gives a URL-safe text that <see cref="Parse"/> reads back.
/// </summary>
public sealed record DecisionCursor(DateTime DecidedAt, long Id)
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmss.ffffff'Z'";

    /// <summary>Before every decision: <c>NewerThan = Beginning</c> pages from the oldest decision.</summary>
    public static DecisionCursor Beginning { get; } = new(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), 0);

    public static DecisionCursor Of(DecisionRecord decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionCursor(decision.DecidedAt, decision.Id);
    }

    public override string ToString() =>
        $"{DecidedAt.ToString(TimeFormat, CultureInfo.InvariantCulture)}_{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads the text of <see cref="ToString"/>, e.g. "20250102T030405.123456Z_42".</summary>
    public static DecisionCursor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.IndexOf('_', StringComparison.Ordinal);
        if (separator > 0
            && DateTime.TryParseExact(text[..separator], TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var decidedAt)
            && long.TryParse(text[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new DecisionCursor(DateTime.SpecifyKind(decidedAt, DateTimeKind.Utc), id);
        }

        throw new FormatException(
            $"Decision cursor '{text}' is not valid: expected 'yyyyMMddTHHmmss.ffffffZ_<id>', e.g. '20250102T030405.123456Z_42'.");
    }
}
