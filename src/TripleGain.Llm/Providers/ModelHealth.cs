namespace TripleGain.Llm.Providers;

/// <summary>The live, thread-safe status of one model; the resilience layer marks it unauthorized on a rejected key.</summary>
public sealed class ModelHealth
{
    private LlmModelStatus _status;

    public ModelHealth(LlmModelStatus initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _status = initial;
    }

    public LlmModelStatus Status => Volatile.Read(ref _status);

    public void Set(LlmModelState state, string detail)
    {
        var current = Status;
        Volatile.Write(ref _status, current with { State = state, Detail = detail });
    }
}
