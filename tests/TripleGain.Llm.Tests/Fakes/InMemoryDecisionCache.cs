using System.Collections.Concurrent;
using TripleGain.Core.Agents;

namespace TripleGain.Llm.Tests.Fakes;

/// <summary>An <see cref="IDecisionCache"/> in memory with the journal's keep-first / replace-on-other-provider-model rule.</summary>
public sealed class InMemoryDecisionCache : IDecisionCache
{
    private readonly ConcurrentDictionary<(string, string), CachedModelAnswer> _answers = new();

    public IReadOnlyCollection<CachedModelAnswer> Answers => _answers.Values.ToList();

    public int Stores { get; private set; }

    public Task<CachedModelAnswer?> FindAsync(string modelId, string promptHash, CancellationToken cancellationToken = default) =>
        Task.FromResult(_answers.GetValueOrDefault((modelId, promptHash)));

    public Task StoreAsync(CachedModelAnswer answer, CancellationToken cancellationToken = default)
    {
        Stores++;
        _answers.AddOrUpdate((answer.ModelId, answer.PromptHash), answer, (_, old) => old.ProviderModel == answer.ProviderModel ? old : answer);
        return Task.CompletedTask;
    }

    public Task<long> CountAsync(string modelId, DateTime from, DateTime to, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)_answers.Values.Count(a => a.ModelId == modelId && a.DecisionTime >= from && a.DecisionTime < to));
}
