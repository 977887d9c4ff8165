using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Llm.Decisions;

namespace TripleGain.Llm.Tests.Decisions;

public sealed class DecisionParserTests
{
    private const string Model = "claude-sonnet-4-5";
    private static readonly DecisionContext Context = TestContexts.Create();

    private const string ValidBuy =
        """{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":0.8,"stop_loss":68000,"take_profit":74000,"reasoning":"uptrend, RSI 58"}]}""";

    private static DecisionParseResult Parse(string output) => DecisionParser.Parse(output, Context, Model);

    [Fact]
    public void Parse_ValidDecisionsObject_ReturnsDecisionPerPairWithMissingPairsHeld()
    {
        var result = Parse(ValidBuy);

        result.Success.ShouldBeTrue(result.Error);
        result.Decisions.Count.ShouldBe(2);
        var btc = result.Decisions[0];
        btc.ShouldBe(new TradeDecision(Model, Pair.BtcUsdt, TradeAction.Buy, 10m, 0.8, 68000m, 74000m, "uptrend, RSI 58", TestContexts.Now));
        result.Decisions[1].Pair.ShouldBe(Pair.XrpUsdt);
        result.Decisions[1].Action.ShouldBe(TradeAction.Hold);
        result.Error.ShouldBeNull();
    }

    [Fact]
    public void Parse_JsonInFenceInsideProse_IsFound()
    {
        var output = "Here is my analysis.\n\n```json\n" + ValidBuy + "\n```\nLet me know if you need more.";

        Parse(output).Success.ShouldBeTrue();
    }

    [Fact]
    public void Parse_UnterminatedFence_IsFound()
    {
        Parse("```json\n" + ValidBuy).Success.ShouldBeTrue();
    }

    [Fact]
    public void Parse_JsonInProseWithoutFence_IsFound()
    {
        var output = "I think {this} matters. My answer: " + ValidBuy + " -- done.";

        Parse(output).Success.ShouldBeTrue();
    }

    [Fact]
    public void Parse_SingleDecisionObjectCamelCaseAndLowercaseAction_IsAccepted()
    {
        var result = Parse("""{"Pair":"xrp/usdt","action":"sell","sizePct":5,"Confidence":0.7,"stopLoss":0.55,"takeProfit":0.42,"reasoning":"overbought"}""");

        result.Success.ShouldBeTrue(result.Error);
        var xrp = result.Decisions.Single(d => d.Pair == Pair.XrpUsdt);
        xrp.Action.ShouldBe(TradeAction.Sell);
        xrp.StopLoss.ShouldBe(0.55m);
        xrp.TakeProfit.ShouldBe(0.42m);
    }

    [Fact]
    public void Parse_BareArrayWithTrailingCommasAndComments_IsAccepted()
    {
        var result = Parse("""
            [ // my decisions
              {"pair":"BTC/USDT","action":"HOLD","reasoning":"range",},
              {"pair":"XRP/USDT","action":"CLOSE","confidence":0.9,"reasoning":"take profit",},
            ]
            """);

        result.Success.ShouldBeTrue(result.Error);
        result.Decisions.Select(d => d.Action).ShouldBe([TradeAction.Hold, TradeAction.Close]);
    }

    [Theory]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":0.8,"stop_loss":71000,"reasoning":"x"}]}""",
        "decision 1: stop_loss 71000 is above the price 70000 for a BUY")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"SELL","size_pct":10,"confidence":0.8,"stop_loss":69000,"reasoning":"x"}]}""",
        "decision 1: stop_loss 69000 is below the price 70000 for a SELL")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":0.8,"take_profit":69000,"reasoning":"x"}]}""",
        "decision 1: take_profit 69000 is below the price 70000 for a BUY")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"SELL","size_pct":10,"confidence":0.8,"take_profit":71000,"reasoning":"x"}]}""",
        "decision 1: take_profit 71000 is above the price 70000 for a SELL")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"HOLD","reasoning":"x"},{"pair":"DOGE/USDT","action":"HOLD","reasoning":"x"}]}""",
        "decision 2: pair 'DOGE/USDT' is not one of BTC/USDT, XRP/USDT")]
    [InlineData("""{"decisions":[{"pair":"XRP/BTC","action":"HOLD","reasoning":"x"}]}""",
        "decision 1: pair 'XRP/BTC' is not one of BTC/USDT, XRP/USDT")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"MOON","reasoning":"x"}]}""",
        "decision 1: action 'MOON' is not BUY, SELL, HOLD or CLOSE")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":120,"confidence":0.8,"reasoning":"x"}]}""",
        "decision 1: size_pct 120 is outside 0..100")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":40,"confidence":0.8,"reasoning":"x"}]}""",
        "decision 1: size_pct 40 exceeds the maximum position of 25% of equity")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":0,"confidence":0.8,"reasoning":"x"}]}""",
        "decision 1: size_pct is 0 for a BUY")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","confidence":0.8,"reasoning":"x"}]}""",
        "decision 1: size_pct is missing for a BUY")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":"10","confidence":0.8,"reasoning":"x"}]}""",
        "decision 1: size_pct must be a number, got a string")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":1.5,"reasoning":"x"}]}""",
        "decision 1: confidence 1.5 is outside 0..1")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"reasoning":"x"}]}""",
        "decision 1: confidence is missing for a BUY")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":"NaN","reasoning":"x"}]}""",
        "decision 1: confidence must be a number, got a string")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":0.8,"stop_loss":1e400,"reasoning":"x"}]}""",
        "decision 1: stop_loss 1e400 is not a finite number in range")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":0.8,"stop_loss":-5,"reasoning":"x"}]}""",
        "decision 1: stop_loss -5 is not a positive price")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":0.8}]}""",
        "decision 1: reasoning is missing")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"HOLD","reasoning":"   "}]}""",
        "decision 1: reasoning is empty")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"HOLD","reasoning":"a"},{"pair":"BTCUSDT","action":"HOLD","reasoning":"b"}]}""",
        "decision 2: pair BTC/USDT already has a decision")]
    [InlineData("""{"decisions":[{"pair":"BTC/USDT","action":"HOLD","reasoning":"a","reasoning":"b"}]}""",
        "decision 1: field 'reasoning' appears twice")]
    [InlineData("""{"decisions":{"pair":"BTC/USDT"}}""", "'decisions' must be an array, got an object")]
    [InlineData("""{"decisions":[42]}""", "decision 1: must be an object, got a number")]
    [InlineData("", "the output is empty")]
    [InlineData("I would rather not trade today.", "no JSON object with decisions was found in the output")]
    [InlineData("""{"city":"Paris"}""", "no JSON object with decisions was found in the output")]
    public void Parse_InvalidOutput_FailsWithReason(string output, string expected)
    {
        var result = Parse(output);

        result.Success.ShouldBeFalse();
        result.Decisions.ShouldBeEmpty();
        result.Error.ShouldBe(expected);
    }

    [Fact]
    public void Parse_TruncatedJson_FailsNamingInvalidJson()
    {
        var result = Parse(ValidBuy[..60]);

        result.Success.ShouldBeFalse();
        result.Error!.ShouldStartWith("the output holds no valid JSON");
    }

    [Fact]
    public void Parse_DeeplyNestedGarbage_FailsWithoutException()
    {
        var output = new string('[', 5000) + new string(']', 5000);

        Parse(output).Success.ShouldBeFalse();
    }

    [Fact]
    public void Parse_TooLongOutput_IsRejectedUnread()
    {
        var result = Parse(new string(' ', DecisionParser.MaxOutputLength) + ValidBuy);

        result.Error.ShouldBe($"the output is {DecisionParser.MaxOutputLength + ValidBuy.Length} characters long, more than {DecisionParser.MaxOutputLength}");
    }

    [Fact]
    public void Parse_LongReasoning_IsCut()
    {
        var reasoning = new string('r', DecisionParser.MaxReasoningLength + 100);
        var result = Parse($$"""{"pair":"BTC/USDT","action":"HOLD","reasoning":"{{reasoning}}"}""");

        result.Decisions[0].Reasoning.Length.ShouldBe(DecisionParser.MaxReasoningLength);
    }

    [Fact]
    public void Parse_HoldWithStopsAndSize_DropsThem()
    {
        var result = Parse("""{"pair":"BTC/USDT","action":"HOLD","size_pct":10,"confidence":0.3,"stop_loss":1,"take_profit":2,"reasoning":"wait"}""");

        result.Decisions[0].ShouldBe(TradeDecision.Hold(Model, Pair.BtcUsdt, TestContexts.Now, "wait") with { Confidence = 0.3 });
    }

    [Fact]
    public void Parse_ConstraintsWithLargerMaxPosition_AllowsLargerSize()
    {
        var context = TestContexts.Create(constraints: TradingConstraints.Default with { MaxPositionPct = 50m });

        DecisionParser.Parse("""{"pair":"BTC/USDT","action":"BUY","size_pct":40,"confidence":0.8,"reasoning":"x"}""", context, Model)
            .Success.ShouldBeTrue();
    }

    [Fact]
    public void Parse_NullContext_Throws()
    {
        Should.Throw<ArgumentNullException>(() => DecisionParser.Parse("{}", null!, Model));
    }
}
