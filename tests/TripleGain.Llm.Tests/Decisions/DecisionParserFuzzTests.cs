using System.Globalization;
using System.Text;
using TripleGain.Core.Agents;
using TripleGain.Llm.Decisions;

namespace TripleGain.Llm.Tests.Decisions;

/// <summary>
/// Seeded fuzzing of the parser: plausible model outputs (some valid, some subtly wrong) mangled by truncation,
/// swapped types, huge numbers, NaN strings, nesting, duplicates and unicode. No exception may escape and every
/// decision that comes back must pass an independent re-validation.
/// </summary>
public sealed class DecisionParserFuzzTests
{
    private const string Model = "gpt-4o";
    private static readonly string[] Weird =
    [
        "\"NaN\"", "NaN", "Infinity", "-Infinity", "\"Infinity\"", "1e999", "-1e999", "1e-400", "79228162514264337593543950336",
        "99999999999999999999999999999999", "-0", "0.0000000000000000000000000001", "true", "false", "null", "[]", "{}", "\"\"",
        "[1,2,3]", "{\"a\":{\"b\":{\"c\":[]}}}", "\"10\"", "1.5", "-3", "100", "101", "0", "25", "25.0000001", "\"\\u0000\"",
    ];

    private static readonly string[] Noise =
    [
        "\u200B", "\u202E", "🚀", "é", "\uD800", "\uDFFF", "\0", "\\", "\"", "{", "}", "[", "]", ",", ":", "```", "```json\n",
        "\n", "\t", "ＢＵＹ", "İ", "ß", "//", "/*", "*/", "'", "\\u0022", "\r\n",
    ];

    private static readonly string[] Pairs = ["BTC/USDT", "XRP/USDT", "XRP/BTC", "btc/usdt", "XBTUSDT", "xrp-usdt", "ETH/USDT", "", "BTC/USD", "BTC/USDT "];
    private static readonly string[] Actions = ["BUY", "SELL", "HOLD", "CLOSE", "buy", "Sell", "hold ", "LONG", "short", "", "BUY!", "ＢＵＹ"];

    [Fact]
    public void Parse_ThousandsOfMangledOutputs_NoExceptionAndNoInvalidDecisionPasses()
    {
        var random = new Random(20250314);
        var contexts = new[] { TestContexts.Create(), TestContexts.Create(withXrpBtc: true) };
        var passed = 0;
        var failed = 0;
        for (var i = 0; i < 6000; i++)
        {
            var context = contexts[i % 2];
            var output = Mangle(Generate(random), random);

            var result = DecisionParser.Parse(output, context, Model);

            if (result.Success)
            {
                passed++;
                result.Error.ShouldBeNull();
                result.Decisions.Count.ShouldBe(context.Pairs.Count, output);
                result.Decisions.Select(d => d.Pair).ShouldBe(context.Pairs, output);
                foreach (var decision in result.Decisions)
                {
                    DecisionInvariants.Violation(decision, context, Model).ShouldBeNull($"{decision} from {output}");
                }
            }
            else
            {
                failed++;
                result.Decisions.ShouldBeEmpty();
                result.Error.ShouldNotBeNullOrWhiteSpace();
                result.Error!.StartsWith("the output could not be read", StringComparison.Ordinal).ShouldBeFalse($"an exception was caught for: {output}");
            }
        }

        // the generator must exercise both sides, or the test proves nothing
        passed.ShouldBeGreaterThan(300);
        failed.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void Parse_UnmangledValidOutputs_AllPass()
    {
        var random = new Random(7);
        var context = TestContexts.Create(withXrpBtc: true);
        for (var i = 0; i < 500; i++)
        {
            var output = ValidDecisions(random);

            var result = DecisionParser.Parse(output, context, Model);

            result.Success.ShouldBeTrue($"{result.Error} for {output}");
        }
    }

    private static string ValidDecisions(Random random)
    {
        var prices = new Dictionary<string, double> { ["BTC/USDT"] = 70000, ["XRP/USDT"] = 0.5, ["XRP/BTC"] = 0.0000071 };
        var items = new List<string>();
        foreach (var (pair, price) in prices.OrderBy(_ => random.Next()).Take(random.Next(0, 4)))
        {
            var action = new[] { "BUY", "SELL", "HOLD", "CLOSE" }[random.Next(4)];
            var buy = action == "BUY";
            var stop = action is "BUY" or "SELL" ? Num(price * (buy ? 0.97 : 1.03)) : "null";
            var take = action is "BUY" or "SELL" ? Num(price * (buy ? 1.05 : 0.95)) : "null";
            items.Add($$"""{"pair":"{{pair}}","action":"{{action}}","size_pct":{{Num(random.Next(1, 26))}},"confidence":{{Num(random.NextDouble())}},"stop_loss":{{stop}},"take_profit":{{take}},"reasoning":"r{{random.Next()}}"}""");
        }

        return $$"""{"decisions":[{{string.Join(",", items)}}]}""";
    }

    private static string Generate(Random random)
    {
        var prices = new Dictionary<string, double> { ["BTC/USDT"] = 70000, ["XRP/USDT"] = 0.5, ["XRP/BTC"] = 0.0000071 };
        var count = random.Next(0, 5);
        var items = new List<string>();
        for (var k = 0; k < count; k++)
        {
            var pair = random.Next(4) == 0 ? Pairs[random.Next(Pairs.Length)] : prices.Keys.ElementAt(random.Next(3));
            var price = prices.TryGetValue(pair, out var p) ? p : 1;
            var action = random.Next(3) == 0 ? Actions[random.Next(Actions.Length)] : new[] { "BUY", "SELL", "HOLD", "CLOSE" }[random.Next(4)];
            var side = random.Next(2) == 0 ? 1 : -1;
            var fields = new List<string>
            {
                $"\"pair\":\"{pair}\"",
                $"\"action\":\"{action}\"",
                $"\"size_pct\":{Num(random.Next(4) == 0 ? random.Next(-10, 130) : random.Next(1, 26))}",
                $"\"confidence\":{Num(random.Next(5) == 0 ? random.NextDouble() * 3 - 1 : random.NextDouble())}",
                $"\"stop_loss\":{(random.Next(4) == 0 ? "null" : Num(price * (1 - side * random.NextDouble() * 0.1)))}",
                $"\"take_profit\":{(random.Next(4) == 0 ? "null" : Num(price * (1 + side * random.NextDouble() * 0.1)))}",
                $"\"reasoning\":\"{(random.Next(10) == 0 ? "" : "trend " + random.Next())}\"",
            };
            var kept = fields.Where(_ => random.Next(12) != 0).OrderBy(_ => random.Next(3) == 0 ? random.Next() : 0).ToList();
            items.Add("{" + string.Join(",", kept) + "}");
        }

        return random.Next(6) switch
        {
            0 => items.Count > 0 ? items[0] : "{}",
            1 => "[" + string.Join(",", items) + "]",
            _ => "{\"decisions\":[" + string.Join(",", items) + "]}",
        };
    }

    private static string Mangle(string json, Random random)
    {
        var text = json;
        var operations = random.Next(0, 4);
        for (var i = 0; i < operations; i++)
        {
            text = random.Next(11) switch
            {
                0 => text[..random.Next(text.Length + 1)],
                1 => Remove(text, random),
                2 => text.Insert(random.Next(text.Length + 1), Noise[random.Next(Noise.Length)]),
                3 => ReplaceValue(text, random, Weird[random.Next(Weird.Length)]),
                4 => ReplaceValue(text, random, Weird[random.Next(Weird.Length)]),
                5 => "Sure! Here is my decision:\n```json\n" + text + "\n```\nGood luck.",
                6 => "I analysed the market. " + text + " That is all.",
                7 => "{\"decisions\":[" + text + "]}",
                8 => text.Replace("\"reasoning\"", "\"reasoning\":\"dup\",\"reasoning\"", StringComparison.Ordinal),
                9 => new string('[', random.Next(1, 40)) + text + new string(']', random.Next(1, 40)),
                _ => ReplaceValue(text, random, "\"" + RandomUnicode(random) + "\""),
            };
        }

        return text;
    }

    private static string Remove(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = random.Next(text.Length);
        return text.Remove(start, random.Next(1, Math.Min(8, text.Length - start) + 1));
    }

    /// <summary>Replaces the value after a random ':' with <paramref name="value"/>.</summary>
    private static string ReplaceValue(string text, Random random, string value)
    {
        var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToList();
        if (colons.Count == 0)
        {
            return text;
        }

        var at = colons[random.Next(colons.Count)] + 1;
        var end = at;
        var inString = end < text.Length && text[end] == '"';
        if (inString)
        {
            end = text.IndexOf('"', end + 1);
            end = end < 0 ? text.Length : end + 1;
        }
        else
        {
            while (end < text.Length && text[end] is not (',' or '}' or ']'))
            {
                end++;
            }
        }

        return string.Concat(text.AsSpan(0, at), value, text.AsSpan(end));
    }

    private static string RandomUnicode(Random random)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(0, 12); i > 0; i--)
        {
            var c = (char)random.Next(0x20, 0xFFFF);
            if (c is '"' or '\\')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
