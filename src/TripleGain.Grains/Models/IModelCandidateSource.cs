using TripleGain.Core.Selection;

namespace TripleGain.Grains.Models;

/// <summary>The <see cref="ModelSelector"/>'s candidates: the record of each model over its evaluation period.</summary>
public interface IModelCandidateSource
{
    /// <summary>A candidate for each of <paramref name="modelIds"/> that has a record (models without one are left out).</summary>
    Task<IReadOnlyList<ModelCandidate>> CandidatesAsync(IReadOnlyList<string> modelIds, CancellationToken cancellationToken = default);
}
