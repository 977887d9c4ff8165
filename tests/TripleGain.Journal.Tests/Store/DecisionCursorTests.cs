namespace TripleGain.Journal.Tests.Store;

public sealed class DecisionCursorTests
{
    [Fact]
    public void Parse_TextOfToString_GivesTheSameCursor()
    {
        var cursor = new DecisionCursor(Samples.T0, 42);

        var text = cursor.ToString();

        text.ShouldBe("20250304T050607.123456Z_42");
        DecisionCursor.Parse(text).ShouldBe(cursor);
        DecisionCursor.Parse(text).DecidedAt.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("20250304T050607.123456Z_")]
    [InlineData("20250304T050607Z_42")]
    [InlineData("20250304T050607.123456Z_-1")]
    public void Parse_BadText_ThrowsFormatExceptionWithTheExpectedShape(string text)
    {
        var error = Should.Throw<FormatException>(() => DecisionCursor.Parse(text));

        error.Message.ShouldContain("yyyyMMddTHHmmss.ffffffZ_<id>");
    }
}
