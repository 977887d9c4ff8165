namespace TripleGain.Llm;

/// <summary>How one run of an LLM model ended.</summary>
public enum LlmRunOutcome
{
    /// <summary>The provider answered and the output parsed into valid decisions.</summary>
    Decided = 1,

    /// <summary>The provider answered but the output was invalid: no decision, counts against parse success.</summary>
    InvalidOutput = 2,

    /// <summary>No key (or disabled, or Ollama unreachable): held without a call.</summary>
    NotConfigured = 3,

    /// <summary>The provider rejected the key (now or earlier): held without a call until the key changes.</summary>
    Unauthorized = 4,

    /// <summary>Today's budget is spent: held without a call.</summary>
    BudgetExhausted = 5,

    /// <summary>The call failed for good (timeouts, 5xx, 429, open circuit): held; counts against uptime, not parse success.</summary>
    ProviderFailed = 6,
}
