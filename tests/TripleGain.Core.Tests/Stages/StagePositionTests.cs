using TripleGain.Core.Stages;

namespace TripleGain.Core.Tests.Stages;

public class StagePositionTests
{
    [Fact]
    public void Ladder_InPromotionOrder_RunsFromFoundationToFullCapital()
    {
        StagePosition.Ladder.Select(p => p.Label).ShouldBe(
        [
            "phase 1 foundation",
            "phase 2 paper trading",
            "phase 3 micro-live $100",
            "phase 4 scale $200",
            "phase 4 scale $500",
            "phase 4 scale $1,000",
            "phase 4 scale $2,100",
        ]);
        StagePosition.Ladder.Select(p => p.CapitalUsd).ShouldBe([0m, 0m, 100m, 200m, 500m, 1000m, 2100m]);
    }

    [Fact]
    public void NextAndPrevious_AtTheEnds_AreNull()
    {
        StagePosition.Foundation.Previous.ShouldBeNull();
        StagePosition.Scale2100.Next.ShouldBeNull();
        StagePosition.PaperTrading.Next.ShouldBe(StagePosition.MicroLive100);
        StagePosition.Scale200.Previous.ShouldBe(StagePosition.MicroLive100);
    }

    [Fact]
    public void IsLive_OnlyPhasesThreeAndFour_AreLive()
    {
        StagePosition.Ladder.Where(p => p.IsLive).ShouldBe(StagePosition.Ladder.Skip(2));
    }

    [Theory]
    [InlineData(Phase.PaperTrading, CapitalStage.Usd100)]
    [InlineData(Phase.MicroLive, CapitalStage.None)]
    [InlineData(Phase.MicroLive, CapitalStage.Usd200)]
    [InlineData(Phase.Scale, CapitalStage.Usd100)]
    [InlineData(Phase.Scale, CapitalStage.None)]
    public void Constructor_CapitalOfAnotherPhase_ThrowsNamingBoth(Phase phase, CapitalStage capital)
    {
        var error = Should.Throw<ArgumentException>(() => new StagePosition(phase, capital));
        error.Message.ShouldContain(capital.ToString());
        error.Message.ShouldContain(phase.ToString());
    }

    [Fact]
    public void Constructor_UnknownPhase_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new StagePosition((Phase)7, CapitalStage.None));
    }

    [Fact]
    public void CapitalUsd_UnknownStage_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ((CapitalStage)300).CapitalUsd());
    }
}
