namespace TripleGain.Silo.Tests.Durability;

/// <summary>Polls a condition of a running process (there is nothing to await in another process).</summary>
internal static class Waiting
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Func<string> describe, TimeSpan? every = null)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } result)
            {
                return result;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout}: {describe()}");
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe, TimeSpan? every = null) =>
        UntilAsync<object>(async () => await condition() ? new object() : null, timeout, describe, every);
}
