using TripleGain.Silo.Services;

namespace TripleGain.Ui.Tests.Fakes;

public sealed class FakeModelComparison(ModelComparisonView view) : IModelComparison
{
    public List<(string ModelId, string By, string Reason)> Choices { get; } = [];

    public Task<ModelComparisonView> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(view);

    public Task<DeskResult> ChooseAsync(string modelId, string by, string reason)
    {
        Choices.Add((modelId, by, reason));
        return Task.FromResult(DeskResult.Done($"now traded by {modelId}"));
    }
}
