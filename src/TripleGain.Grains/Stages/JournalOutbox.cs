namespace TripleGain.Grains.Stages;

/// <summary>
/// A grain's journal outbox: the grain's state holds its entries in order and how many of them the journal has. After
/// the state is written, the entries not yet in the journal are written in order; a failure stops there, is logged,
/// never undoes the change, and the entry is retried on the next flush.
/// </summary>
internal static class JournalOutbox
{
    /// <summary>
    /// Writes entries <paramref name="journaled"/> to <paramref name="total"/> - 1 with <paramref name="write"/>, in order,
    /// until one fails (given to <paramref name="logFailure"/> with its index); when any was written, saves the new count
    /// with <paramref name="saveJournaled"/>.
    /// </summary>
    public static async Task FlushAsync(
        int journaled,
        int total,
        Func<int, Task> write,
        Func<int, Task> saveJournaled,
        Action<Exception, int> logFailure)
    {
        var written = journaled;
        try
        {
            for (; written < total; written++)
            {
                await write(written);
            }
        }
#pragma warning disable CA1031 // a journal outage must not block the grain's change; the entry is retried on the next flush
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logFailure(ex, written);
        }

        if (written != journaled)
        {
            await saveJournaled(written);
        }
    }
}
