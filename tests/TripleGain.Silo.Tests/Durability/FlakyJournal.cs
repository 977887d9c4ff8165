using System.Collections.Concurrent;
using System.Reflection;
using TripleGain.Journal;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>
/// A decision journal that fails on demand: <see cref="FailNext"/> makes the next calls of one method throw (as a
/// database error, or a crash between the grain-state write and the journal, would), everything else goes to the real
/// journal underneath.
/// </summary>
public class FlakyJournal : DispatchProxy
{
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);
    private IDecisionJournal inner = null!;

    public static (IDecisionJournal Journal, FlakyJournal Control) Wrap(IDecisionJournal inner)
    {
        var proxy = Create<IDecisionJournal, FlakyJournal>();
        var control = (FlakyJournal)(object)proxy;
        control.inner = inner;
        return (proxy, control);
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> throw <see cref="InvalidOperationException"/>.</summary>
    public void FailNext(string method, int times = 1) => failures[method] = times;

    public void Reset() => failures.Clear();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (failures.TryGetValue(targetMethod.Name, out var left) && left > 0)
        {
            failures[targetMethod.Name] = left - 1;
            throw new InvalidOperationException($"journal unavailable ({targetMethod.Name}, injected by the test)");
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
