using System.CommandLine;
using System.Globalization;
using TripleGain.Core.Agents;
using TripleGain.Core.Backtesting;
using TripleGain.Core.Configuration;
using TripleGain.Core.Market;
using TripleGain.Journal;

namespace TripleGain.Cli.Commands;

/// <summary>
/// The <c>backtest</c> verb: replays simulated or recorded candles through the decision model, the risk agent, the
/// coordinator and the paper exchange (<see cref="BacktestEngine"/>), prints a metrics table and writes trades.csv,
/// equity.csv, summary.json and equity.png. Errors are one line on stderr and exit code 1. An LLM model
/// (<c>--model &lt;id&gt;</c> of <c>Llm:Models</c>, from <c>--llm-config FILE</c> or the environment) runs behind the
/// decision cache in the journal database (<see cref="LlmBacktest"/>): the estimate of calls and cost is printed first,
/// a run above <c>--max-cost</c> does not start, and a rerun reads its answers from the cache.
/// </summary>
public static class BacktestCommand
{
    private const long DefaultSeed = 42;

    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Candles: 'sim' (the seeded simulated market from --from) or 'csv:PATH' (a directory of files named like BTC-USDT_1m.csv, or one file for a single --pairs).", DefaultValueFactory = _ => "sim" };
        var pairs = new Option<string?>("--pairs") { Description = "Comma-separated pairs to trade (default: the configuration's, BTC/USDT,XRP/USDT,XRP/BTC)." };
        var model = new Option<string>("--model") { Description = "Decision model: baseline, buy-and-hold or the id of an LLM model under Llm:Models (see --llm-config).", DefaultValueFactory = _ => BaselineModel.ModelId };
        var from = new Option<string>("--from") { Description = "Start, UTC (e.g. 2025-01-01): the first candle replayed.", Required = true };
        var to = new Option<string>("--to") { Description = "End, UTC, exclusive (e.g. 2026-01-01).", Required = true };
        var capital = new Option<decimal?>("--capital") { Description = "Starting capital in USDT only (default: the configuration's starting_capital, 1,000 USDT + 500 XRP)." };
        var config = new Option<string?>("--config") { Description = "Trading configuration YAML (default: the built-in paper configuration, as config/paper_trading_config.yaml)." };
        var seed = new Option<long>("--seed") { Description = "Seed of the simulated market.", DefaultValueFactory = _ => DefaultSeed };
        var output = new Option<string?>("--out") { Description = "Directory for trades.csv, equity.csv, summary.json and equity.png (default ./backtests/<model>-<source>-<from>-<to>)." };
        var decisionInterval = new Option<int?>("--decision-interval") { Description = "Seconds between decisions (default: cycle.llm_query_interval_seconds, 300); a multiple of cycle.interval_seconds." };
        var llmConfig = new Option<string?>("--llm-config") { Description = "JSON file with the LLM models (Llm:Models:<id>, as the silo's appsettings; see config/llm.example.json). Environment variables (Llm__Models__<id>__..., ANTHROPIC_API_KEY, OPENAI_API_KEY, XAI_API_KEY, DEEPSEEK_API_KEY) are read too." };
        var maxCost = new Option<decimal?>("--max-cost") { Description = "LLM models: refuse to start when the estimated cost in USD is above this (default 5); the run also stops once its calls have spent it." };
        var journal = new Option<string?>("--journal") { Description = "LLM models: the journal database holding the decision cache, a SQLite file or a PostgreSQL connection string (default: journal.db in TRIPLEGAIN_DATA_DIR or ./data, the silo's)." };
        var command = new Command("backtest", "Backtest a decision model on simulated or recorded candles (1-minute, or a file's own interval): prints the metrics and writes trades, equity, a JSON summary and an equity chart.")
        {
            source, pairs, model, from, to, capital, config, seed, output, decisionInterval, llmConfig, maxCost, journal,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            LlmBacktest? llm = null;
            try
            {
                var start = ParseTime(parseResult.GetValue(from)!, "--from");
                var end = ParseTime(parseResult.GetValue(to)!, "--to");
                if (end <= start)
                {
                    throw new ArgumentException($"--to {Iso(end)} must be after --from {Iso(start)}.");
                }

                var modelName = parseResult.GetValue(model)!.Trim();
                var llmConfiguration = IsRuleBased(modelName) ? null : LlmBacktest.Configuration(parseResult.GetValue(llmConfig));
                var configPath = parseResult.GetValue(config);
                var tradingConfig = configPath is null ? TradingConfig.PaperDefault : TradingConfigYaml.Load(configPath);
                var options = BacktestOptions.FromConfig(tradingConfig, start, end);
                if (parseResult.GetValue(pairs) is { } pairText)
                {
                    options = options with { Pairs = ParsePairs(pairText) };
                }

                if (parseResult.GetValue(capital) is { } usdt)
                {
                    if (usdt <= 0)
                    {
                        throw new ArgumentException($"--capital {usdt.ToString(CultureInfo.InvariantCulture)} must be a positive amount of USDT.");
                    }

                    options = options with { StartingBalances = new Dictionary<Asset, decimal> { [Asset.USDT] = usdt } };
                }

                if (parseResult.GetValue(decisionInterval) is { } seconds)
                {
                    var cycle = (int)options.CycleInterval.TotalSeconds;
                    if (seconds <= 0 || seconds % cycle != 0 || seconds > 86_400)
                    {
                        throw new ArgumentException($"--decision-interval {seconds} must be a whole multiple of cycle.interval_seconds ({cycle}) up to 86400.");
                    }

                    options = options with { DecisionInterval = TimeSpan.FromSeconds(seconds) };
                }

                var seedValue = parseResult.GetValue(seed);
                var (candles, sourceLabel, sourceDescription) = CreateSource(parseResult.GetValue(source)!, seedValue, start, options.Pairs);
                if (llmConfiguration is not null)
                {
                    llm = await LlmBacktest.PrepareAsync(modelName, llmConfiguration, parseResult.GetValue(journal), parseResult.GetValue(maxCost), options,
                        options.Pairs?.Count ?? candles.Pairs.Count, stdout, cancellationToken).ConfigureAwait(false);
                }

                var decisionModel = llm is not null ? llm.Model : CreateModel(modelName);
                var directory = parseResult.GetValue(output)
                    ?? Path.Combine("backtests", $"{decisionModel.Id}-{sourceLabel}-{start:yyyyMMdd}-{end:yyyyMMdd}");

                var engine = new BacktestEngine(candles, decisionModel, options);
                var result = await engine.RunAsync(cancellationToken).ConfigureAwait(false);

                BacktestFiles.Write(directory, result, sourceDescription, candles is SimulatedCandleSource ? seedValue : null);
                MetricsTable.Write(stdout, result, sourceDescription);
                stdout.WriteLine($"wrote {Path.Combine(directory, BacktestFiles.Trades)}, {BacktestFiles.EquityCsv}, {BacktestFiles.Summary}, {BacktestFiles.Chart}");
                if (llm is not null)
                {
                    stdout.WriteLine(llm.Summary());
                }

                return 0;
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException
                                           or InvalidOperationException or TradingConfigException or KeyNotFoundException
                                           or JournalMigrationException or System.Data.Common.DbException)
            {
                // CandleFormatException is a FormatException ("file:line: reason"); a missing file an IOException.
                await stderr.WriteLineAsync($"backtest: {ex.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
                return 1;
            }
            finally
            {
                llm?.Dispose();
            }
        });
        return command;
    }

    private static bool IsRuleBased(string name) =>
        name.Equals(BaselineModel.ModelId, StringComparison.OrdinalIgnoreCase) || name.Equals(BuyAndHoldModel.ModelId, StringComparison.OrdinalIgnoreCase);

    private static IDecisionModel CreateModel(string name) => name.Trim().ToLowerInvariant() switch
    {
        BaselineModel.ModelId => new BaselineModel(),
        BuyAndHoldModel.ModelId => new BuyAndHoldModel(),
        _ => throw new ArgumentException($"Unknown model '{name}'. Use {BaselineModel.ModelId} or {BuyAndHoldModel.ModelId}."),
    };

    /// <summary>The candle source, a file-name-friendly label for the default output directory, and a description.</summary>
    private static (ICandleSource Source, string Label, string Description) CreateSource(string text, long seed, DateTime start, IReadOnlyList<Pair>? pairs)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("sim", StringComparison.OrdinalIgnoreCase))
        {
            var source = new SimulatedCandleSource(new SimulatedMarketOptions { Seed = seed, Start = start });
            return (source, seed == DefaultSeed ? "sim" : $"sim{seed.ToString(CultureInfo.InvariantCulture)}", $"sim (seed {seed.ToString(CultureInfo.InvariantCulture)})");
        }

        if (!trimmed.StartsWith("csv:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--source '{text}' is unknown. Use sim or csv:PATH (a directory of candle files or one file).");
        }

        var path = trimmed[4..];
        if (path.Length == 0)
        {
            throw new ArgumentException("--source csv: needs a path, e.g. csv:data/ or csv:data/BTC-USDT_1m.csv.");
        }

        var label = "csv-" + Clean(Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path)));
        if (Directory.Exists(path))
        {
            return (CsvCandleSource.FromDirectory(path), label, $"csv {path}");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--source csv:{path}: no such file or directory.", path);
        }

        if (pairs is not { Count: 1 })
        {
            throw new ArgumentException($"--source csv:{path} is one file: name the one pair it holds with --pairs (e.g. --pairs BTC/USDT).");
        }

        return (new CsvCandleSource(new Dictionary<Pair, string> { [pairs[0]] = path }), label, $"csv {path}");
    }

    private static IReadOnlyList<Pair> ParsePairs(string text)
    {
        var pairs = new List<Pair>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = Pair.Parse(name);
            if (!pairs.Contains(pair))
            {
                pairs.Add(pair);
            }
        }

        return pairs.Count > 0 ? pairs : throw new FormatException($"--pairs '{text}' names no pair. Known pairs: {string.Join(", ", Pair.All)}.");
    }

    private static DateTime ParseTime(string text, string name)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new FormatException($"{name} '{text}' is not a date; use ISO-8601 such as 2025-01-01 or 2025-01-01T12:00Z.");
        }

        time = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        if (time.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new FormatException($"{name} {text} must be a whole minute.");
        }

        return time;
    }

    private static string Clean(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        return chars.Length == 0 ? "data" : new string(chars);
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
