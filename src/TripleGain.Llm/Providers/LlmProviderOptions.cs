namespace TripleGain.Llm.Providers;

/// <summary>
/// One model's settings, bound from configuration section <c>Llm:Models:&lt;id&gt;</c>. The API key is never part of
/// these options: it is read from the variable named by <see cref="ApiKeyVariable"/> (configuration, user secrets or
/// the environment) when the client is built.
/// </summary>
public sealed class LlmProviderOptions
{
    /// <summary>Stable model id used in decisions and the journal ("claude-sonnet-4-5"); defaults to the section name.</summary>
    public string Id { get; set; } = "";

    public LlmProviderKind Provider { get; set; }

    /// <summary>The provider's model name ("claude-sonnet-4-5", "gpt-4o", "grok-3", "deepseek-chat", "qwen2.5:7b").</summary>
    public string ModelName { get; set; } = "";

    /// <summary>Base URL; null means the provider's public endpoint (Ollama: http://localhost:11434).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Name of the variable holding the key; null means the provider's (ANTHROPIC_API_KEY, OPENAI_API_KEY, XAI_API_KEY, DEEPSEEK_API_KEY).</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>Whether the model takes part at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt on 429, 5xx, 529 and timeouts.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles per retry unless the provider sends retry-after.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for one retry, also capping a provider's retry-after.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive failed attempts (within <see cref="CircuitSamplingDuration"/>) that open the provider's circuit.</summary>
    public int CircuitFailureThreshold { get; set; } = 5;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an open circuit rejects calls before one trial call (half-open).</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>USD per million input tokens.</summary>
    public decimal InputPricePerMillion { get; set; }

    /// <summary>USD per million input tokens read from the provider's prompt cache; null means the input price.</summary>
    public decimal? CachedInputPricePerMillion { get; set; }

    /// <summary>USD per million output tokens (reasoning tokens included).</summary>
    public decimal OutputPricePerMillion { get; set; }

    /// <summary>Spend per UTC day after which the model holds without calling the provider; 0 means no limit.</summary>
    public decimal DailyBudgetUsd { get; set; }

    public int MaxOutputTokens { get; set; } = 1500;

    public float? Temperature { get; set; } = 0.2f;

    public StructuredOutput StructuredOutput { get; set; } = StructuredOutput.Auto;

    /// <summary>
    /// The last day the model's training data covers ("2025-01-31"); a backtest over earlier days warns that the
    /// model's decisions may know the future. Null: unknown (the backtest says so).
    /// </summary>
    public DateOnly? KnowledgeCutoff { get; set; }

    /// <summary>The key variable in effect.</summary>
    public string? EffectiveApiKeyVariable => ApiKeyVariable ?? Provider switch
    {
        LlmProviderKind.Anthropic => "ANTHROPIC_API_KEY",
        LlmProviderKind.OpenAI => "OPENAI_API_KEY",
        LlmProviderKind.XAi => "XAI_API_KEY",
        LlmProviderKind.DeepSeek => "DEEPSEEK_API_KEY",
        _ => null,
    };

    /// <summary>The base URL in effect.</summary>
    public Uri EffectiveBaseUrl => BaseUrl ?? Provider switch
    {
        LlmProviderKind.Anthropic => new Uri("https://api.anthropic.com"),
        LlmProviderKind.OpenAI => new Uri("https://api.openai.com/v1"),
        LlmProviderKind.XAi => new Uri("https://api.x.ai/v1"),
        LlmProviderKind.DeepSeek => new Uri("https://api.deepseek.com"),
        _ => new Uri("http://localhost:11434"),
    };

    /// <summary>The structured-output mode in effect for this provider.</summary>
    public StructuredOutput EffectiveStructuredOutput => StructuredOutput != StructuredOutput.Auto
        ? StructuredOutput
        : Provider == LlmProviderKind.DeepSeek ? StructuredOutput.JsonObject : StructuredOutput.JsonSchema;

    /// <summary>Checks the settings; the message names the model, the setting, the value and the rule.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var who = $"Llm:Models:{Id}";
        if (string.IsNullOrWhiteSpace(Id)) errors.Add("a model has no Id");
        if (!Enum.IsDefined(Provider)) errors.Add($"{who}:Provider '{Provider}' is not one of {string.Join(", ", Enum.GetNames<LlmProviderKind>())}");
        if (string.IsNullOrWhiteSpace(ModelName)) errors.Add($"{who}:ModelName is empty");
        if (BaseUrl is { IsAbsoluteUri: false }) errors.Add($"{who}:BaseUrl '{BaseUrl}' is not an absolute URL");
        if (Timeout <= TimeSpan.Zero) errors.Add($"{who}:Timeout {Timeout} must be positive");
        if (MaxRetries is < 0 or > 10) errors.Add($"{who}:MaxRetries {MaxRetries} must be 0..10");
        if (RetryBaseDelay < TimeSpan.Zero) errors.Add($"{who}:RetryBaseDelay {RetryBaseDelay} must not be negative");
        if (RetryMaxDelay < RetryBaseDelay) errors.Add($"{who}:RetryMaxDelay {RetryMaxDelay} must be at least RetryBaseDelay {RetryBaseDelay}");
        if (CircuitFailureThreshold < 2) errors.Add($"{who}:CircuitFailureThreshold {CircuitFailureThreshold} must be at least 2");
        if (CircuitBreakDuration < TimeSpan.FromMilliseconds(500)) errors.Add($"{who}:CircuitBreakDuration {CircuitBreakDuration} must be at least 0.5 s");
        if (CircuitSamplingDuration < TimeSpan.FromMilliseconds(500)) errors.Add($"{who}:CircuitSamplingDuration {CircuitSamplingDuration} must be at least 0.5 s");
        if (InputPricePerMillion < 0) errors.Add($"{who}:InputPricePerMillion {InputPricePerMillion} must not be negative");
        if (CachedInputPricePerMillion < 0) errors.Add($"{who}:CachedInputPricePerMillion {CachedInputPricePerMillion} must not be negative");
        if (OutputPricePerMillion < 0) errors.Add($"{who}:OutputPricePerMillion {OutputPricePerMillion} must not be negative");
        if (DailyBudgetUsd < 0) errors.Add($"{who}:DailyBudgetUsd {DailyBudgetUsd} must not be negative (0 = no limit)");
        if (MaxOutputTokens < 64) errors.Add($"{who}:MaxOutputTokens {MaxOutputTokens} must be at least 64");
        if (Temperature is < 0 or > 2) errors.Add($"{who}:Temperature {Temperature} must be 0..2");
        return errors;
    }

    /// <summary>No secret lives here, so the summary is safe to log.</summary>
    public override string ToString() => $"{Id} ({Provider} {ModelName} at {EffectiveBaseUrl})";
}
