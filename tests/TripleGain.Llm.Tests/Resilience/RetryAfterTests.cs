using System.Globalization;
using System.Net;
using TripleGain.Llm.Resilience;

namespace TripleGain.Llm.Tests.Resilience;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage With(string name, string value)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    [Theory]
    [InlineData("retry-after", "7", 7000)]
    [InlineData("retry-after", "1.5", 1500)]
    [InlineData("retry-after-ms", "250", 250)]
    public void From_DelayHeaders_ReturnsDelay(string name, string value, int expectedMs)
    {
        using var response = With(name, value);

        RetryAfter.From(response, Now).ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Fact]
    public void From_HttpDate_ReturnsTimeUntilThen()
    {
        using var response = With("retry-after", Now.AddSeconds(30).ToString("R", CultureInfo.InvariantCulture));

        RetryAfter.From(response, Now).ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void From_DateInThePast_ReturnsZero()
    {
        using var response = With("retry-after", Now.AddSeconds(-30).ToString("R", CultureInfo.InvariantCulture));

        RetryAfter.From(response, Now).ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("NaN")]
    public void From_Unreadable_ReturnsNull(string value)
    {
        using var response = With("retry-after", value);

        RetryAfter.From(response, Now).ShouldBeNull();
    }

    [Fact]
    public void From_NoHeader_ReturnsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        RetryAfter.From(response, Now).ShouldBeNull();
    }
}
