using Microsoft.AspNetCore.Components;
using TripleGain.Grains.Operator;
using TripleGain.Silo.Services;

namespace TripleGain.Silo.Components;

/// <summary>
/// A page that shows live data: it loads through its facade on start and again whenever <see cref="ILiveUpdates"/>
/// reports a change it shows (<see cref="Shows"/>), then re-renders with <c>InvokeAsync(StateHasChanged)</c>. Reloads never
/// overlap and none is lost.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private int loading;
    private int again;
    private bool disposed;

    [Inject]
    protected ILiveUpdates Live { get; set; } = default!;

    /// <summary>The last load error shown on the page (the page keeps its previous data).</summary>
    protected string? LoadError { get; private set; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract Task LoadAsync();

    /// <summary>Whether the page follows live updates now (a page showing older data may pause them).</summary>
    protected virtual bool FollowsLiveUpdates => true;

    /// <summary>
    /// Whether a change of this kind can alter what the page shows; other kinds do not reload it (a cycle's start, for
    /// instance, changes nothing on most pages). A change found by the safety re-check, whose kind is unknown, always
    /// reloads.
    /// </summary>
    protected virtual bool Shows(OperatorChangeKind kind) => true;

    protected override async Task OnInitializedAsync()
    {
        Live.Changed += OnLiveChanged;
        await ReloadAsync();
    }

    /// <summary>
    /// Loads through the facade. A reload asked for while one runs (a filter changed during a live update) is not
    /// lost: the running one loads once more when it finishes, and whoever started it renders the result.
    /// </summary>
    protected async Task ReloadAsync()
    {
        if (Interlocked.Exchange(ref loading, 1) == 1)
        {
            Interlocked.Exchange(ref again, 1);
            return;
        }

        try
        {
            do
            {
                Interlocked.Exchange(ref again, 0);
                await LoadAsync();
                LoadError = null;
            }
            while (Interlocked.Exchange(ref again, 0) == 1);
        }
#pragma warning disable CA1031 // a failed load is shown on the page; the next update tries again
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LoadError = $"Could not load: {ex.Message}";
        }
        finally
        {
            Interlocked.Exchange(ref loading, 0);
        }
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposed && disposing)
        {
            Live.Changed -= OnLiveChanged;
        }

        disposed = true;
    }

    private void OnLiveChanged(object? sender, EventArgs e)
    {
        if (disposed || !FollowsLiveUpdates || (e is LiveChangeEventArgs { Change: { } change } && !Shows(change.Kind)))
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            await ReloadAsync();
            StateHasChanged();
        });
    }
}
