namespace TripleGain.Silo.Hosting;

/// <summary>
/// A configuration value the silo cannot start with. The message is the one line the silo prints before it exits:
/// the key, the value (passwords masked) and the rule.
/// </summary>
public sealed class SiloConfigurationException : Exception
{
    public SiloConfigurationException(string key, string? value, string rule)
        : base($"Configuration error: {key} = '{OneLine(value)}': {OneLine(rule)}")
    {
        Key = key;
        Value = value;
        Rule = rule;
    }

    public SiloConfigurationException()
    {
        Key = string.Empty;
        Rule = string.Empty;
    }

    public SiloConfigurationException(string message)
        : base(message)
    {
        Key = string.Empty;
        Rule = message;
    }

    public SiloConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
        Rule = message;
    }

    /// <summary>The configuration key, e.g. "Storage:Provider".</summary>
    public string Key { get; }

    /// <summary>The rejected value as shown (passwords masked), or null when the value is missing.</summary>
    public string? Value { get; }

    /// <summary>The rule the value breaks.</summary>
    public string Rule { get; }

    private static string OneLine(string? text) =>
        (text ?? string.Empty).ReplaceLineEndings(" ");
}
