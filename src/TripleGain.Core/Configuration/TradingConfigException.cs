namespace TripleGain.Core.Configuration;

/// <summary>
/// A configuration value that breaks a rule. The message is one line naming the source, the key, the value and the rule,
/// e.g. <c>paper_trading_config.yaml: constraints.max_leverage = '-1': must be between 1 and 5</c>.
/// </summary>
public sealed class TradingConfigException : Exception
{
    public TradingConfigException(string source, string key, string? value, string rule)
        : base($"{source}: {key} = '{value ?? "(missing)"}': {rule}")
    {
        Key = key;
        Value = value;
        Rule = rule;
    }

    public TradingConfigException()
    {
        Key = string.Empty;
        Rule = string.Empty;
    }

    public TradingConfigException(string message)
        : base(message)
    {
        Key = string.Empty;
        Rule = message;
    }

    public TradingConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
        Rule = message;
    }

    public string Key { get; }

    public string? Value { get; }

    public string Rule { get; }
}
