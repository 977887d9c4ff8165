using System.Globalization;
using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Core.Stages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TripleGain.Core.Configuration;

/// <summary>
/// Reads and validates the YAML trading configuration. Every key is checked against its rule; unknown keys are
/// errors (a typo must not silently fall back to a default). Missing keys take the value of
/// <see cref="TradingConfig.PaperDefault"/>. Errors are <see cref="TradingConfigException"/> with one clear line.
/// </summary>
public static class TradingConfigYaml
{
    public static TradingConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new TradingConfigException($"{path}: configuration file not found");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static TradingConfig Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new TradingConfigException($"{sourceName}: line {ex.Start.Line}: not valid YAML: {ex.Message}");
        }

        var rootNode = stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
        if (rootNode is not YamlMappingNode rootMap)
        {
            throw new TradingConfigException($"{sourceName}: the document must be a mapping of sections (trading, constraints, ...)");
        }

        var d = TradingConfig.PaperDefault;
        var root = new Section(sourceName, string.Empty, rootMap);

        var trading = root.Child("trading");
        var mode = trading.Enum("mode", d.Mode);
        var exchange = trading.String("exchange", d.Exchange, v => v == "kraken" ? null : "only 'kraken' is supported");
        var pairs = trading.Pairs("pairs", d.Pairs);
        var capital = trading.Capital("starting_capital", d.StartingCapital);
        var fees = trading.Child("fees");
        var maker = fees.Decimal("maker_pct", d.MakerFee * 100m, 0m, 5m) / 100m;
        var taker = fees.Decimal("taker_pct", d.TakerFee * 100m, 0m, 5m) / 100m;
        var slippage = trading.Decimal("slippage_bps", d.SlippageBps, 0m, 500m);

        var c = root.Child("constraints");
        var dc = d.Constraints;
        var constraints = new TradingConstraints
        {
            RiskPerTradePct = c.Decimal("risk_per_trade_pct", dc.RiskPerTradePct, 0.01m, 20m),
            MaxLeverage = c.Decimal("max_leverage", dc.MaxLeverage, 1m, 5m),
            MaxDrawdownPct = c.Decimal("max_drawdown_pct", dc.MaxDrawdownPct, 0.1m, 100m),
            ConfidenceThreshold = (double)c.Decimal("confidence_threshold", (decimal)dc.ConfidenceThreshold, 0m, 1m),
            MaxTradesPerDay = c.Int("max_trades_per_day", dc.MaxTradesPerDay, 0, 10_000),
            MaxSingleOrderUsd = c.Decimal("max_single_order_usd", dc.MaxSingleOrderUsd, 1m, 10_000_000m),
            MaxPositionPct = c.Decimal("max_position_pct", dc.MaxPositionPct, 0.1m, 500m),
            DefaultStopPct = c.Decimal("default_stop_pct", dc.DefaultStopPct, 0.05m, 50m),
            AllowedPairs = pairs,
        };

        var m = root.Child("models");
        var activeModels = m.StringList("active_models", d.Models.ActiveModels);
        if (activeModels.Count == 0)
        {
            throw m.Error("active_models", "[]", "at least one model must be active");
        }

        var models = new ModelsConfig(
            m.Bool("comparison_mode", d.Models.ComparisonMode),
            activeModels,
            m.OptionalString("fallback_model"),
            m.Int("evaluation_period_days", d.Models.EvaluationPeriodDays, 1, 365),
            m.Bool("auto_switch_enabled", d.Models.AutoSwitchEnabled),
            TimeSpan.FromSeconds(m.Int("decision_timeout_seconds", (int)d.Models.DecisionTimeout.TotalSeconds, 1, 600)));

        var cy = root.Child("cycle");
        var interval = cy.Int("interval_seconds", (int)d.Cycle.Interval.TotalSeconds, 1, 86_400);
        var decisionInterval = cy.Int("llm_query_interval_seconds", (int)d.Cycle.DecisionInterval.TotalSeconds, 1, 86_400);
        if (decisionInterval < interval || decisionInterval % interval != 0)
        {
            throw cy.Error("llm_query_interval_seconds", decisionInterval.ToString(CultureInfo.InvariantCulture),
                $"must be a whole multiple of cycle.interval_seconds ({interval})");
        }

        var mo = root.Child("monitoring");
        var monitoring = new MonitoringConfig(
            TimeSpan.FromSeconds(mo.Int("equity_snapshot_interval_seconds", (int)d.Monitoring.EquitySnapshotInterval.TotalSeconds, 1, 86_400)),
            mo.Decimal("alert_drawdown_pct", d.Monitoring.AlertDrawdownPct, 0.1m, 100m),
            mo.Bool("log_decisions", d.Monitoring.LogDecisions));

        var s = root.Child("safety");
        var safety = new SafetyConfig(
            s.Decimal("emergency_stop_drawdown_pct", d.Safety.EmergencyStopDrawdownPct, 0.1m, 100m),
            s.Decimal("max_daily_loss_pct", d.Safety.MaxDailyLossPct, 0.1m, 100m),
            TimeSpan.FromMinutes(s.Int("approval_timeout_minutes", (int)d.Safety.ApprovalTimeout.TotalMinutes, 1, 1440)));

        var st = root.Child("stages");
        var startPhase = st.String("start_phase", ((int)d.Stages.StartPhase).ToString(CultureInfo.InvariantCulture), v => v is "1" or "2"
            ? null
            : "must be 1 (foundation: no trades until a person promotes the account to paper trading) or 2 (paper trading)");
        var stages = new StagesConfig(startPhase == "1" ? Phase.Foundation : Phase.PaperTrading);

        root.EnsureAllKeysKnown();
        return new TradingConfig(mode, exchange, pairs, capital, maker, taker, slippage, constraints, models,
            new CycleConfig(TimeSpan.FromSeconds(interval), TimeSpan.FromSeconds(decisionInterval)), monitoring, safety)
        {
            Stages = stages,
        };
    }

    /// <summary>One mapping of the document; remembers which keys were read so unknown ones can be reported.</summary>
    private sealed class Section
    {
        private readonly string _source;
        private readonly string _path;
        private readonly YamlMappingNode _node;
        private readonly HashSet<string> _read = [];
        private readonly List<Section> _children = [];

        public Section(string source, string path, YamlMappingNode node)
        {
            _source = source;
            _path = path;
            _node = node;
        }

        public TradingConfigException Error(string key, string? value, string rule) => new(_source, Key(key), value, rule);

        public Section Child(string key)
        {
            var node = Get(key);
            var child = node switch
            {
                null => new Section(_source, Key(key), new YamlMappingNode()),
                YamlMappingNode map => new Section(_source, Key(key), map),
                _ => throw Error(key, Describe(node), "must be a section of keys"),
            };
            _children.Add(child);
            return child;
        }

        public decimal Decimal(string key, decimal fallback, decimal min, decimal max)
        {
            var text = Scalar(key);
            if (text is null)
            {
                return fallback;
            }

            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(key, text, "must be a number");
            }

            return value >= min && value <= max ? value : throw Error(key, text, $"must be between {min} and {max}");
        }

        public int Int(string key, int fallback, int min, int max)
        {
            var text = Scalar(key);
            if (text is null)
            {
                return fallback;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(key, text, "must be a whole number");
            }

            return value >= min && value <= max ? value : throw Error(key, text, $"must be between {min} and {max}");
        }

        public bool Bool(string key, bool fallback)
        {
            var text = Scalar(key);
            return text?.ToLowerInvariant() switch
            {
                null => fallback,
                "true" or "yes" or "on" => true,
                "false" or "no" or "off" => false,
                _ => throw Error(key, text, "must be true or false"),
            };
        }

        public string String(string key, string fallback, Func<string, string?> validate)
        {
            var text = Scalar(key);
            if (text is null)
            {
                return fallback;
            }

            var problem = validate(text);
            return problem is null ? text : throw Error(key, text, problem);
        }

        public string? OptionalString(string key)
        {
            var text = Scalar(key);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        public TEnum Enum<TEnum>(string key, TEnum fallback)
            where TEnum : struct, System.Enum
        {
            var text = Scalar(key);
            if (text is null)
            {
                return fallback;
            }

            return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _)
                ? value
                : throw Error(key, text, $"must be one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}");
        }

        public IReadOnlyList<string> StringList(string key, IReadOnlyList<string> fallback)
        {
            var node = Get(key);
            return node switch
            {
                null => fallback,
                YamlSequenceNode seq => seq.Children.Select(n => n is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)
                    ? s.Value!.Trim()
                    : throw Error(key, Describe(n), "every item must be a non-empty name")).ToList(),
                _ => throw Error(key, Describe(node), "must be a list, e.g. [a, b]"),
            };
        }

        public IReadOnlyList<Pair> Pairs(string key, IReadOnlyList<Pair> fallback)
        {
            var names = StringList(key, fallback.Select(p => p.Symbol).ToList());
            var pairs = new List<Pair>();
            foreach (var name in names)
            {
                if (!Pair.TryParse(name, out var pair))
                {
                    throw Error(key, name, $"unknown pair; known pairs are {string.Join(", ", Pair.All)}");
                }

                if (pairs.Contains(pair))
                {
                    throw Error(key, name, "is listed twice");
                }

                pairs.Add(pair);
            }

            return pairs.Count > 0 ? pairs : throw Error(key, "[]", "at least one pair is required");
        }

        public IReadOnlyDictionary<Asset, decimal> Capital(string key, IReadOnlyDictionary<Asset, decimal> fallback)
        {
            var node = Get(key);
            if (node is null)
            {
                return fallback;
            }

            if (node is not YamlMappingNode map)
            {
                throw Error(key, Describe(node), "must map assets to amounts, e.g. { USDT: 1000, XRP: 500 }");
            }

            var capital = new Dictionary<Asset, decimal>();
            foreach (var (k, v) in map.Children)
            {
                var assetName = (k as YamlScalarNode)?.Value ?? string.Empty;
                var subKey = $"{key}.{assetName}";
                if (!System.Enum.TryParse<Asset>(assetName, ignoreCase: true, out var asset) || int.TryParse(assetName, out _))
                {
                    throw Error(subKey, assetName, $"unknown asset; known assets are {string.Join(", ", System.Enum.GetNames<Asset>())}");
                }

                var text = (v as YamlScalarNode)?.Value;
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0)
                {
                    throw Error(subKey, text, "must be a number of at least 0");
                }

                capital[asset] = amount;
            }

            return capital.Values.Sum() > 0 ? capital : throw Error(key, "0", "the starting capital must not be empty");
        }

        public void EnsureAllKeysKnown()
        {
            foreach (var (k, _) in _node.Children)
            {
                var name = (k as YamlScalarNode)?.Value ?? string.Empty;
                if (!_read.Contains(name))
                {
                    throw new TradingConfigException(_source, Key(name), null, "unknown key (check the spelling; see config/paper_trading_config.yaml)");
                }
            }

            foreach (var child in _children)
            {
                child.EnsureAllKeysKnown();
            }
        }

        private string? Scalar(string key)
        {
            var node = Get(key);
            return node switch
            {
                null => null,
                YamlScalarNode s when string.IsNullOrWhiteSpace(s.Value) || s.Value == "~" || s.Value == "null" => null,
                YamlScalarNode s => s.Value!.Trim(),
                _ => throw Error(key, Describe(node), "must be a single value"),
            };
        }

        private YamlNode? Get(string key)
        {
            _read.Add(key);
            return _node.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
        }

        private string Key(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

        private static string Describe(YamlNode node) => node switch
        {
            YamlScalarNode s => s.Value ?? string.Empty,
            YamlSequenceNode => "(a list)",
            YamlMappingNode => "(a section)",
            _ => node.ToString(),
        };
    }
}
