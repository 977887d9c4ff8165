using Microsoft.Extensions.Logging;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Prompts;
using TripleGain.Llm.Providers;

namespace TripleGain.Llm.Fakes;

/// <summary>Model settings pointing at a <see cref="FakeProviderServer"/>, with test keys, and catalogs built from them.</summary>
public static class TestModels
{
    public const string AnthropicKey = "sk-ant-test-SECRET-4f1c9a27be";
    public const string OpenAiKey = "sk-proj-test-SECRET-77d0e1aa";
    public const string XaiKey = "xai-test-SECRET-9b8c7d6e5f";
    public const string DeepSeekKey = "sk-ds-test-SECRET-1234abcd";

    public static readonly IReadOnlyDictionary<string, string> AllKeys = new Dictionary<string, string>
    {
        ["ANTHROPIC_API_KEY"] = AnthropicKey,
        ["OPENAI_API_KEY"] = OpenAiKey,
        ["XAI_API_KEY"] = XaiKey,
        ["DEEPSEEK_API_KEY"] = DeepSeekKey,
    };

    public static LlmProviderOptions Anthropic(FakeProviderServer server) => Fast(new LlmProviderOptions
    {
        Id = "claude-sonnet-4-5",
        Provider = LlmProviderKind.Anthropic,
        ModelName = "claude-sonnet-4-5",
        BaseUrl = server.BaseUrl,
        InputPricePerMillion = 3m,
        CachedInputPricePerMillion = 0.3m,
        OutputPricePerMillion = 15m,
    });

    public static LlmProviderOptions OpenAI(FakeProviderServer server) => Fast(new LlmProviderOptions
    {
        Id = "gpt-4o",
        Provider = LlmProviderKind.OpenAI,
        ModelName = "gpt-4o",
        BaseUrl = server.Url("v1/"),
        InputPricePerMillion = 2.5m,
        CachedInputPricePerMillion = 1.25m,
        OutputPricePerMillion = 10m,
    });

    public static LlmProviderOptions XAi(FakeProviderServer server) => Fast(new LlmProviderOptions
    {
        Id = "grok-3",
        Provider = LlmProviderKind.XAi,
        ModelName = "grok-3",
        BaseUrl = server.Url("v1/"),
        InputPricePerMillion = 3m,
        CachedInputPricePerMillion = 0.75m,
        OutputPricePerMillion = 15m,
    });

    public static LlmProviderOptions DeepSeek(FakeProviderServer server) => Fast(new LlmProviderOptions
    {
        Id = "deepseek-chat",
        Provider = LlmProviderKind.DeepSeek,
        ModelName = "deepseek-chat",
        BaseUrl = server.BaseUrl,
        InputPricePerMillion = 0.27m,
        CachedInputPricePerMillion = 0.07m,
        OutputPricePerMillion = 1.10m,
    });

    public static LlmProviderOptions Ollama(FakeProviderServer server) => Fast(new LlmProviderOptions
    {
        Id = "qwen2.5-7b",
        Provider = LlmProviderKind.Ollama,
        ModelName = "qwen2.5:7b",
        BaseUrl = server.BaseUrl,
    });

    public static ModelCatalog Catalog(
        IEnumerable<LlmProviderOptions> models,
        IReadOnlyDictionary<string, string>? keys = null,
        TimeProvider? time = null,
        ILoggerFactory? loggers = null,
        CostLedger? ledger = null)
    {
        keys ??= AllKeys;
        return new ModelCatalog(
            models,
            variable => keys.TryGetValue(variable, out var key) ? key : null,
            PromptLibrary.Load(),
            ledger ?? new CostLedger(),
            time ?? TimeProvider.System,
            loggers);
    }

    /// <summary>Short waits so tests that retry over real time stay fast.</summary>
    private static LlmProviderOptions Fast(LlmProviderOptions options)
    {
        options.Timeout = TimeSpan.FromSeconds(20);
        options.MaxRetries = 2;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        options.RetryMaxDelay = TimeSpan.FromSeconds(30);
        return options;
    }
}
