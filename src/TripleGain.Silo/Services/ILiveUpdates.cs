namespace TripleGain.Silo.Services;

/// <summary>
/// Tells the open pages that something they show has changed (a cycle completed, an approval arrived, the stage moved).
/// Components subscribe to <see cref="Changed"/>, reload through their facade and call <c>InvokeAsync(StateHasChanged)</c>.
/// The event is raised on a background thread as soon as a grain publishes the change (<see cref="LiveUpdates"/>); its
/// arguments are a <see cref="LiveChangeEventArgs"/> saying what changed, when known.
/// </summary>
public interface ILiveUpdates
{
    event EventHandler? Changed;

    /// <summary>Grows by one with every change.</summary>
    long Version { get; }
}
