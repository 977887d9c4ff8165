namespace TripleGain.Core.Agents;

/// <summary>
/// Where a model's answers are kept by (model id, prompt hash), so that asking the same model the same prompt again
/// (a backtest rerun) reads the answer instead of calling the provider: it costs nothing and decides the same. The
/// decision journal's database holds it (table <c>llm_decision_cache</c>).
/// </summary>
public interface IDecisionCache
{
    /// <summary>The answer kept for the model and the hash of the rendered prompt, or null.</summary>
    Task<CachedModelAnswer?> FindAsync(string modelId, string promptHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps an answer. An answer already kept for the key stays (the first answer is the reproducible one) unless it
    /// came from another provider model (<see cref="CachedModelAnswer.ProviderModel"/>), which it then replaces.
    /// </summary>
    Task StoreAsync(CachedModelAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>How many answers of the model are kept for decision times in [<paramref name="from"/>, <paramref name="to"/>) (UTC).</summary>
    Task<long> CountAsync(string modelId, DateTime from, DateTime to, CancellationToken cancellationToken = default);
}
