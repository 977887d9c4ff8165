using TripleGain.Grains.Operator;

namespace TripleGain.Silo.Services;

/// <summary>
/// The timing of <see cref="LiveUpdates"/>. <see cref="ResubscribePeriod"/> renews the subscription to the operator feed
/// and must stay well within <see cref="OperatorFeedGrain.SubscriptionExpiry"/> (at most half of it);
/// <see cref="SafetyCheckPeriod"/> is how often the slow healing re-check compares the sources' tokens;
/// <see cref="RetryPeriod"/> is the wait after a failed subscription (the silo is starting, the feed moves).
/// </summary>
public sealed record LiveUpdatesSettings
{
    public LiveUpdatesSettings(TimeSpan resubscribePeriod, TimeSpan safetyCheckPeriod, TimeSpan retryPeriod)
    {
        if (resubscribePeriod <= TimeSpan.Zero || resubscribePeriod > OperatorFeedGrain.SubscriptionExpiry / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(resubscribePeriod), resubscribePeriod,
                $"The re-subscription period must be above zero and at most half the feed's subscription expiry ({OperatorFeedGrain.SubscriptionExpiry / 2}).");
        }

        if (safetyCheckPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(safetyCheckPeriod), safetyCheckPeriod, "The safety re-check period must be above zero.");
        }

        if (retryPeriod <= TimeSpan.Zero || retryPeriod > resubscribePeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(retryPeriod), retryPeriod,
                $"The retry period must be above zero and at most the re-subscription period ({resubscribePeriod}).");
        }

        ResubscribePeriod = resubscribePeriod;
        SafetyCheckPeriod = safetyCheckPeriod;
        RetryPeriod = retryPeriod;
    }

    /// <summary>Renew every 30 s, re-check every 30 s, retry a failed subscription after 2 s.</summary>
    public static LiveUpdatesSettings Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));

    public TimeSpan ResubscribePeriod { get; }

    public TimeSpan SafetyCheckPeriod { get; }

    public TimeSpan RetryPeriod { get; }
}
