using Orleans.Runtime;

namespace TripleGain.Grains.Heartbeat;

/// <inheritdoc cref="IHeartbeatGrain"/>
/// <remarks>The grain type name is pinned: reminders and state are stored under it.</remarks>
[GrainType("heartbeat")]
public sealed class HeartbeatGrain(
    [PersistentState("heartbeat", StorageNames.Grains)] IPersistentState<HeartbeatState> state,
    TimeProvider time) : Grain, IHeartbeatGrain, IRemindable
{
    internal const string ReminderName = "heartbeat";

    public async Task<HeartbeatStatus> BeatAsync()
    {
        state.State = state.State with
        {
            Beats = state.State.Beats + 1,
            LastBeatAt = time.GetUtcNow(),
            LastSilo = RuntimeIdentity,
        };
        await state.WriteStateAsync();
        return await GetStatusAsync();
    }

    public async Task<HeartbeatStatus> GetStatusAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        return new HeartbeatStatus(state.State, RuntimeIdentity, reminder is not null);
    }

    public async Task StartAsync(TimeSpan period)
    {
        if (period < IHeartbeatGrain.MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period), period, $"The heartbeat period must be at least {IHeartbeatGrain.MinimumPeriod}.");
        }

        await this.RegisterOrUpdateReminder(ReminderName, period, period);
        if (state.State.Period != period)
        {
            state.State = state.State with { Period = period };
            await state.WriteStateAsync();
        }
    }

    public async Task StopAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }

        if (state.State.Period is not null)
        {
            state.State = state.State with { Period = null };
            await state.WriteStateAsync();
        }
    }

    /// <summary>A tick is a grain call with a timeout: it only records the tick, which is quick.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return Task.CompletedTask;
        }

        state.State = state.State with
        {
            Ticks = state.State.Ticks + 1,
            LastTickAt = time.GetUtcNow(),
            LastSilo = RuntimeIdentity,
        };
        return state.WriteStateAsync();
    }
}
