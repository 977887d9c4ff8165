using System.Globalization;
using TripleGain.Llm.Fakes;
using TripleGain.Silo.Tests.Durability;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Llm;

/// <summary>
/// Command-line configuration for a real silo whose LLM models talk to a <see cref="FakeProviderServer"/>: one model per
/// provider (keys on the command line, as user secrets or the environment would give them), plus "claude-no-key"
/// whose key variable is not set, all active beside the benchmarks, and a market clock 60 times faster than real time
/// (a cycle every second, a decision cycle every five).
/// </summary>
public static class LlmSiloSetup
{
    public static readonly string[] LlmModels = ["claude", "gpt", "grok", "deepseek", "qwen"];

    public const string NoKeyModel = "claude-no-key";

    public const string UnsetKeyVariable = "TRIPLEGAIN_TEST_UNSET_KEY";

    /// <summary>A decision the simulated market's prices cannot make invalid (no stop or take-profit).</summary>
    public const string DecisionJson =
        """{"decisions":[{"pair":"BTC/USDT","action":"HOLD","size_pct":0,"confidence":0.6,"stop_loss":null,"take_profit":null,"reasoning":"waiting for a pullback to the 4h EMA"},{"pair":"XRP/USDT","action":"HOLD","size_pct":0,"confidence":0.5,"stop_loss":null,"take_profit":null,"reasoning":"no edge"}]}""";

    /// <summary>How long a test waits for the running silo to journal what it expects.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private const string DefaultActiveModels = "active_models: [baseline, buy-and-hold]";

    /// <summary>Comparison mode: every model configured here active, each trading its own paper account.</summary>
    public static List<string> Arguments(string dataDirectory, FakeProviderServer server, string? extraActive = null, params string[] extra)
    {
        List<string> activeModels = ["baseline", "buy-and-hold", .. LlmModels, NoKeyModel];
        if (extraActive is not null)
        {
            activeModels.Add(extraActive);
        }

        var active = string.Join(", ", activeModels);
        return ArgumentsWithConfig(dataDirectory, server, yaml => yaml.Replace(DefaultActiveModels, $"active_models: [{active}]", StringComparison.Ordinal), extra);
    }

    /// <summary>
    /// One paper account ("paper:main", comparison off) traded by the first of <paramref name="activeModels"/>, with an
    /// optional fallback model and auto-switching on or off; every model configured here is still set up.
    /// </summary>
    public static List<string> SingleAccountArguments(string dataDirectory, FakeProviderServer server, string activeModels, string? fallback = null, bool autoSwitch = false) =>
        ArgumentsWithConfig(dataDirectory, server, yaml =>
        {
            yaml = yaml
                .Replace("comparison_mode: true", "comparison_mode: false", StringComparison.Ordinal)
                .Replace(DefaultActiveModels, $"active_models: [{activeModels}]" + (fallback is null ? "" : $"\n  fallback_model: {fallback}"), StringComparison.Ordinal);
            return autoSwitch ? yaml.Replace("auto_switch_enabled: false", "auto_switch_enabled: true", StringComparison.Ordinal) : yaml;
        });

    /// <summary>Polls <paramref name="probe"/> until it gives a value; on a timeout the failure lists the silo's warnings.</summary>
    public static Task<T> WaitForAsync<T>(RunningSilo silo, Func<Task<T?>> probe)
        where T : class =>
        Waiting.UntilAsync(
            probe,
            Patience,
            () => "nothing was journaled. Warnings:\n" + string.Join("\n", silo.Logs.Lines.Where(l => !l.StartsWith("Information", StringComparison.Ordinal)).Take(20)),
            TimeSpan.FromMilliseconds(250));

    private static List<string> ArgumentsWithConfig(string dataDirectory, FakeProviderServer server, Func<string, string> editConfig, params string[] extra)
    {
        var configFile = Path.Combine(dataDirectory, "trading.yaml");
        var yaml = editConfig(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "paper_trading_config.yaml")));
        File.WriteAllText(configFile, yaml);
        var url = server.BaseUrl.ToString();
        var args = RunningSilo.Arguments(dataDirectory);
        args.AddRange(
        [
            $"--Trading:ConfigFile={configFile}",
            "--Market:ClockSpeed=60",
            $"--ANTHROPIC_API_KEY={TestModels.AnthropicKey}",
            $"--OPENAI_API_KEY={TestModels.OpenAiKey}",
            $"--XAI_API_KEY={TestModels.XaiKey}",
            $"--DEEPSEEK_API_KEY={TestModels.DeepSeekKey}",
        ]);
        args.AddRange(Model("claude", "Anthropic", "claude-sonnet-4-5", url, 3m, 15m));
        args.AddRange(Model("gpt", "OpenAI", "gpt-4o", url + "v1/", 2.5m, 10m));
        args.AddRange(Model("grok", "XAi", "grok-3", url + "v1/", 3m, 15m));
        args.AddRange(Model("deepseek", "DeepSeek", "deepseek-chat", url, 0.27m, 1.10m));
        args.AddRange(Model("qwen", "Ollama", "qwen2.5:7b", url, 0m, 0m));
        args.AddRange(Model(NoKeyModel, "Anthropic", "claude-sonnet-4-5", url, 3m, 15m));
        args.Add($"--Llm:Models:{NoKeyModel}:ApiKeyVariable={UnsetKeyVariable}");
        args.AddRange(extra);
        return args;
    }

    public static IEnumerable<string> Model(string id, string provider, string name, string url, decimal inputPrice, decimal outputPrice) =>
    [
        $"--Llm:Models:{id}:Provider={provider}",
        $"--Llm:Models:{id}:ModelName={name}",
        $"--Llm:Models:{id}:BaseUrl={url}",
        $"--Llm:Models:{id}:InputPricePerMillion={inputPrice.ToString(CultureInfo.InvariantCulture)}",
        $"--Llm:Models:{id}:OutputPricePerMillion={outputPrice.ToString(CultureInfo.InvariantCulture)}",
        $"--Llm:Models:{id}:MaxRetries=0",
        $"--Llm:Models:{id}:Timeout=00:00:20",
    ];
}
