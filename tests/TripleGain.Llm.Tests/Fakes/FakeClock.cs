using Microsoft.Extensions.Time.Testing;

namespace TripleGain.Llm.Tests.Fakes;

/// <summary>Drives a <see cref="FakeTimeProvider"/> while a call runs, so retry-after and circuit waits pass without real waiting.</summary>
public static class FakeClock
{
    public static async Task<T> DriveAsync<T>(Task<T> task, FakeTimeProvider time, TimeSpan? step = null)
    {
        var advance = step ?? TimeSpan.FromMilliseconds(250);
        for (var i = 0; i < 20_000 && !task.IsCompleted; i++)
        {
            // a short real pause lets the HTTP exchange progress; the fake clock moves only between pauses
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted)
            {
                time.Advance(advance);
            }
        }

        return await task;
    }
}
