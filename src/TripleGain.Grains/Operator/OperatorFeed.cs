using Microsoft.Extensions.Logging;

namespace TripleGain.Grains.Operator;

/// <summary>How grains (and the silo's services) tell the operator UI that something changed.</summary>
public static class OperatorFeed
{
    /// <summary>The key of the one <see cref="IOperatorFeedGrain"/>.</summary>
    public const string Key = "operator";

    /// <summary>
    /// Publishes <paramref name="change"/> fire-and-forget: the one-way call returns at once, and any failure (no feed,
    /// no subscriber, a silo going down) is logged at debug level and otherwise ignored, so it never fails or slows
    /// the caller. The UI heals a lost change with its periodic safety re-check.
    /// </summary>
    public static void Publish(this IGrainFactory grains, OperatorChange change, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            var sent = grains.GetGrain<IOperatorFeedGrain>(Key).PublishAsync(change);
            if (!sent.IsCompletedSuccessfully)
            {
                _ = ObserveAsync(sent, change, logger);
            }
        }
#pragma warning disable CA1031 // publishing is best effort: the caller's change stands whatever happens here
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Failed(logger, change, ex);
        }
    }

    /// <summary>Publishes a change of <paramref name="kind"/> about <paramref name="subject"/> (see <see cref="Publish(IGrainFactory, OperatorChange, ILogger?)"/>).</summary>
    public static void Publish(this IGrainFactory grains, OperatorChangeKind kind, string subject, ILogger? logger = null) =>
        grains.Publish(new OperatorChange(kind, subject), logger);

    private static async Task ObserveAsync(Task sent, OperatorChange change, ILogger? logger)
    {
        try
        {
            await sent.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // see Publish
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Failed(logger, change, ex);
        }
    }

    private static void Failed(ILogger? logger, OperatorChange change, Exception ex)
    {
        if (logger is not null && logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Publishing {Kind} {Subject} to the operator feed failed ({Type}: {Message}); the UI's safety re-check heals it",
                change.Kind, change.Subject, ex.GetType().Name, ex.Message);
        }
    }
}
