namespace TripleGain.Llm.Fakes;

/// <summary>One scripted answer of the fake provider server.</summary>
public sealed record FakeReply(int Status, string? Body = null, TimeSpan Delay = default, IReadOnlyDictionary<string, string>? Headers = null, string? Content = null)
{
    /// <summary>A 200 in the provider's recorded format, carrying <paramref name="content"/> (default: the server's decision JSON).</summary>
    public static FakeReply Ok(string? content = null) => new(200, Content: content);

    public static FakeReply Slow(TimeSpan delay) => new(200, Delay: delay);

    public static FakeReply Error(int status, string body, string? retryAfter = null) =>
        new(status, body, Headers: retryAfter is null ? null : new Dictionary<string, string> { ["retry-after"] = retryAfter });
}
