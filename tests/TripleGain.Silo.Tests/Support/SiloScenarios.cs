using System.Net;
using System.Text.Json;
using TripleGain.Grains.Heartbeat;

namespace TripleGain.Silo.Tests.Support;

/// <summary>Scenarios the SQLite and PostgreSQL host tests share.</summary>
public static class SiloScenarios
{
    /// <summary>
    /// Writes state and registers a reminder, restarts the host with the same arguments and finds both again;
    /// then unregisters the reminder.
    /// </summary>
    public static async Task RestartKeepsStateAndReminderAsync(IReadOnlyList<string> arguments, string key)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using (var silo = await RunningSilo.StartAsync(arguments, cancellation))
        {
            var grain = silo.Grains.GetGrain<IHeartbeatGrain>(key);
            await grain.BeatAsync();
            await grain.BeatAsync();
            (await grain.BeatAsync()).State.Beats.ShouldBe(3);
            await grain.StartAsync(TimeSpan.FromMinutes(5));
        }

        await using (var silo = await RunningSilo.StartAsync(arguments, cancellation))
        {
            var grain = silo.Grains.GetGrain<IHeartbeatGrain>(key);
            var status = await grain.GetStatusAsync();
            status.State.Beats.ShouldBe(3);
            status.State.Period.ShouldBe(TimeSpan.FromMinutes(5));
            status.ReminderRegistered.ShouldBeTrue();
            status.Silo.ShouldBe(silo.SiloAddress);

            (await grain.BeatAsync()).State.Beats.ShouldBe(4);
            await grain.StopAsync();
            (await grain.GetStatusAsync()).ReminderRegistered.ShouldBeFalse();
        }
    }

    /// <summary>/health answers anonymously with JSON naming the silo, storage and cycle checks.</summary>
    public static async Task<JsonElement> GetHealthAsync(RunningSilo silo)
    {
        using var http = new HttpClient { BaseAddress = silo.Address };
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/json");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
