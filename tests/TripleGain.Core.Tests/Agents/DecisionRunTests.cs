using TripleGain.Core.Agents;

namespace TripleGain.Core.Tests.Agents;

public class DecisionRunTests
{
    private static readonly DecisionTrace Parsed = new("trading/decision@1", "hash", "prompt", "{}", true, null, TimeSpan.FromSeconds(1), 10, 5, 0.01m);

    [Fact]
    public void Failed_AnsweredAndParsed_False() => new DecisionRun([], Parsed).Failed.ShouldBeFalse();

    [Fact]
    public void Failed_RuleBasedWithoutTrace_False() => new DecisionRun([], null).Failed.ShouldBeFalse();

    [Fact]
    public void Failed_InvalidOutput_True() => new DecisionRun([], Parsed with { Parsed = false, ParseError = "no JSON" }).Failed.ShouldBeTrue();

    [Fact]
    public void Failed_CouldNotDecide_TrueEvenWithoutTrace() => new DecisionRun([], null) { Error = "HTTP 500" }.Failed.ShouldBeTrue();
}
