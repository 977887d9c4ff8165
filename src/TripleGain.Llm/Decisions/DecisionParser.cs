using System.Globalization;
using System.Text.Json;
using TripleGain.Core.Agents;
using TripleGain.Core.Market;

namespace TripleGain.Llm.Decisions;

/// <summary>
/// Turns a model's text output into validated <see cref="TradeDecision"/>s. Pure and total: no exception escapes,
/// every rejection is a <see cref="DecisionParseResult"/> with the reason.
/// </summary>
/// <remarks>
/// Accepted shapes: <c>{"decisions":[...]}</c>, a bare array of decisions, or one decision object; the JSON may stand
/// alone, inside a ```json fence (closed or cut off) or inside prose; trailing commas and comments are tolerated.
/// Field names are matched ignoring case and underscores (<c>size_pct</c>, <c>sizePct</c>), actions ignoring case.
/// Values must have their JSON types (a quoted number is rejected). One invalid decision rejects the whole output,
/// since a model that got one decision wrong is not trusted with the others. Pairs of the context the model did not
/// mention are held.
/// </remarks>
public static class DecisionParser
{
    /// <summary>Outputs longer than this are rejected unread.</summary>
    public const int MaxOutputLength = 200_000;

    /// <summary>Reasoning longer than this is cut (with an ellipsis), not rejected.</summary>
    public const int MaxReasoningLength = 4_000;

    private const int MaxCandidates = 32;
    private const int MaxNesting = 16;
    private const int MaxDecisions = 30;

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = MaxNesting,
    };

    /// <summary>Parses and validates <paramref name="output"/> against the pairs, prices and constraints of <paramref name="context"/>.</summary>
    public static DecisionParseResult Parse(string? output, DecisionContext context, string modelId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        try
        {
            return ParseCore(output, context, modelId);
        }
#pragma warning disable CA1031 // the parser is total by contract: any surprise is a rejected output, never a crash
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return DecisionParseResult.Failed($"the output could not be read ({ex.GetType().Name})");
        }
    }

    private static DecisionParseResult ParseCore(string? output, DecisionContext context, string modelId)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return DecisionParseResult.Failed("the output is empty");
        }

        if (output.Length > MaxOutputLength)
        {
            return DecisionParseResult.Failed(Invariant($"the output is {output.Length} characters long, more than {MaxOutputLength}"));
        }

        string? firstJsonError = null;
        foreach (var candidate in Candidates(output))
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(candidate, JsonOptions);
            }
            catch (JsonException ex)
            {
                firstJsonError ??= ex.Message;
                continue;
            }
            catch (ArgumentException)
            {
                // System.Text.Json cannot transcode a lone surrogate to UTF-8
                firstJsonError ??= "it contains invalid Unicode (a lone surrogate)";
                continue;
            }

            using (document)
            {
                var elements = DecisionElements(document.RootElement, out var shapeError);
                if (shapeError is not null)
                {
                    return DecisionParseResult.Failed(shapeError);
                }

                if (elements is not null)
                {
                    return Validate(elements, context, modelId);
                }
            }
        }

        return DecisionParseResult.Failed(firstJsonError is null
            ? "no JSON object with decisions was found in the output"
            : $"the output holds no valid JSON: {firstJsonError}");
    }

    /// <summary>The decision objects of a recognised shape; null when the JSON is not a decision shape at all.</summary>
    private static List<JsonElement>? DecisionElements(JsonElement root, out string? error)
    {
        error = null;
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                return ArrayElements(root, "the top-level array", out error);
            case JsonValueKind.Object:
                var fields = Fields(root, out var duplicate);
                if (fields.TryGetValue("decisions", out var decisions))
                {
                    if (duplicate is not null)
                    {
                        error = $"field '{duplicate}' appears twice";
                        return null;
                    }

                    if (decisions.ValueKind != JsonValueKind.Array)
                    {
                        error = $"'decisions' must be an array, got {Describe(decisions)}";
                        return null;
                    }

                    return ArrayElements(decisions, "'decisions'", out error);
                }

                return fields.ContainsKey("pair") || fields.ContainsKey("action") ? [root] : null;
            default:
                return null;
        }
    }

    private static List<JsonElement>? ArrayElements(JsonElement array, string what, out string? error)
    {
        error = null;
        var count = array.GetArrayLength();
        if (count > MaxDecisions)
        {
            error = Invariant($"{what} holds {count} decisions, more than {MaxDecisions}");
            return null;
        }

        var list = new List<JsonElement>(count);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                error = Invariant($"decision {index}: must be an object, got {Describe(item)}");
                return null;
            }

            list.Add(item);
        }

        return list;
    }

    private static DecisionParseResult Validate(List<JsonElement> elements, DecisionContext context, string modelId)
    {
        var pairs = context.Pairs;
        var decided = new Dictionary<Pair, TradeDecision>();
        for (var i = 0; i < elements.Count; i++)
        {
            var error = ValidateOne(elements[i], i + 1, context, modelId, out var decision);
            if (error is not null)
            {
                return DecisionParseResult.Failed(error);
            }

            if (!decided.TryAdd(decision!.Pair, decision))
            {
                return DecisionParseResult.Failed(Invariant($"decision {i + 1}: pair {decision.Pair} already has a decision"));
            }
        }

        var result = new List<TradeDecision>(pairs.Count);
        foreach (var pair in pairs)
        {
            result.Add(decided.TryGetValue(pair, out var decision)
                ? decision
                : TradeDecision.Hold(modelId, pair, context.Timestamp, "no decision given for this pair"));
        }

        return DecisionParseResult.Parsed(result);
    }

    private static string? ValidateOne(JsonElement element, int n, DecisionContext context, string modelId, out TradeDecision? decision)
    {
        decision = null;
        var fields = Fields(element, out var duplicate);
        if (duplicate is not null)
        {
            return Invariant($"decision {n}: field '{duplicate}' appears twice");
        }

        // pair
        if (!fields.TryGetValue("pair", out var pairElement) && !fields.TryGetValue("symbol", out pairElement))
        {
            return Invariant($"decision {n}: pair is missing");
        }

        if (pairElement.ValueKind != JsonValueKind.String)
        {
            return Invariant($"decision {n}: pair must be a string, got {Describe(pairElement)}");
        }

        var pairText = pairElement.GetString();
        var known = context.Pairs;
        if (!Pair.TryParse(pairText, out var pair) || !known.Contains(pair))
        {
            return Invariant($"decision {n}: pair '{Shorten(pairText)}' is not one of {string.Join(", ", known)}");
        }

        // action
        if (!fields.TryGetValue("action", out var actionElement))
        {
            return Invariant($"decision {n}: action is missing");
        }

        if (actionElement.ValueKind != JsonValueKind.String)
        {
            return Invariant($"decision {n}: action must be a string, got {Describe(actionElement)}");
        }

        var actionText = actionElement.GetString()!.Trim();
        TradeAction action;
        switch (actionText.ToUpperInvariant())
        {
            case "BUY": action = TradeAction.Buy; break;
            case "SELL": action = TradeAction.Sell; break;
            case "HOLD": action = TradeAction.Hold; break;
            case "CLOSE": action = TradeAction.Close; break;
            default: return Invariant($"decision {n}: action '{Shorten(actionText)}' is not BUY, SELL, HOLD or CLOSE");
        }

        var opens = action is TradeAction.Buy or TradeAction.Sell;
        var label = action.ToString().ToUpperInvariant();

        // size_pct
        var sizeError = ReadDecimal(fields, n, "size_pct", out var size, "sizepct", "size");
        if (sizeError is not null)
        {
            return sizeError;
        }

        if (size is null)
        {
            if (opens)
            {
                return Invariant($"decision {n}: size_pct is missing for a {label}");
            }
        }
        else if (size < 0m || size > 100m)
        {
            return Invariant($"decision {n}: size_pct {size} is outside 0..100");
        }
        else if (opens && size == 0m)
        {
            return Invariant($"decision {n}: size_pct is 0 for a {label}");
        }
        else if (opens && size > context.Constraints.MaxPositionPct)
        {
            return Invariant($"decision {n}: size_pct {size} exceeds the maximum position of {context.Constraints.MaxPositionPct}% of equity");
        }

        // confidence
        double? confidence = null;
        if (fields.TryGetValue("confidence", out var confidenceElement) && confidenceElement.ValueKind != JsonValueKind.Null)
        {
            if (confidenceElement.ValueKind != JsonValueKind.Number)
            {
                return Invariant($"decision {n}: confidence must be a number, got {Describe(confidenceElement)}");
            }

            if (!confidenceElement.TryGetDouble(out var c) || !double.IsFinite(c))
            {
                return Invariant($"decision {n}: confidence is not a finite number");
            }

            if (c is < 0d or > 1d)
            {
                return Invariant($"decision {n}: confidence {c} is outside 0..1");
            }

            confidence = c;
        }
        else if (action != TradeAction.Hold)
        {
            return Invariant($"decision {n}: confidence is missing for a {label}");
        }

        // stop_loss / take_profit
        var stopError = ReadDecimal(fields, n, "stop_loss", out var stop, "stoploss");
        if (stopError is not null)
        {
            return stopError;
        }

        var takeError = ReadDecimal(fields, n, "take_profit", out var take, "takeprofit");
        if (takeError is not null)
        {
            return takeError;
        }

        if (stop is <= 0m)
        {
            return Invariant($"decision {n}: stop_loss {stop} is not a positive price");
        }

        if (take is <= 0m)
        {
            return Invariant($"decision {n}: take_profit {take} is not a positive price");
        }

        if (opens)
        {
            var price = context.Market[pair]?.LastPrice ?? 0m;
            if (price <= 0m)
            {
                return Invariant($"decision {n}: the context has no price for {pair}");
            }

            var buy = action == TradeAction.Buy;
            if (stop is { } s && (buy ? s >= price : s <= price))
            {
                return Invariant($"decision {n}: stop_loss {s} is {(buy ? "above" : "below")} the price {price} for a {label}");
            }

            if (take is { } t && (buy ? t <= price : t >= price))
            {
                return Invariant($"decision {n}: take_profit {t} is {(buy ? "below" : "above")} the price {price} for a {label}");
            }
        }

        // reasoning
        if (!fields.TryGetValue("reasoning", out var reasoningElement) && !fields.TryGetValue("reason", out reasoningElement))
        {
            return Invariant($"decision {n}: reasoning is missing");
        }

        if (reasoningElement.ValueKind != JsonValueKind.String)
        {
            return Invariant($"decision {n}: reasoning must be a string, got {Describe(reasoningElement)}");
        }

        var reasoning = reasoningElement.GetString()!.Trim();
        if (reasoning.Length == 0)
        {
            return Invariant($"decision {n}: reasoning is empty");
        }

        if (reasoning.Length > MaxReasoningLength)
        {
            reasoning = string.Concat(reasoning.AsSpan(0, MaxReasoningLength - 1), "…");
        }

        decision = action switch
        {
            TradeAction.Hold => new TradeDecision(modelId, pair, action, 0m, confidence ?? 0d, null, null, reasoning, context.Timestamp),
            TradeAction.Close => new TradeDecision(modelId, pair, action, size ?? 0m, confidence!.Value, null, null, reasoning, context.Timestamp),
            _ => new TradeDecision(modelId, pair, action, size!.Value, confidence!.Value, stop, take, reasoning, context.Timestamp),
        };
        return null;
    }

    private static string? ReadDecimal(Dictionary<string, JsonElement> fields, int n, string name, out decimal? value, params string[] keys)
    {
        value = null;
        JsonElement element = default;
        var found = false;
        foreach (var key in keys)
        {
            if (fields.TryGetValue(key, out element))
            {
                found = true;
                break;
            }
        }

        if (!found || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            return Invariant($"decision {n}: {name} must be a number, got {Describe(element)}");
        }

        if (!element.TryGetDecimal(out var d))
        {
            return Invariant($"decision {n}: {name} {Shorten(element.GetRawText())} is not a finite number in range");
        }

        value = d;
        return null;
    }

    /// <summary>Fields by normalised name (lower case, no '_', '-' or spaces); the first duplicate name is reported.</summary>
    private static Dictionary<string, JsonElement> Fields(JsonElement obj, out string? duplicate)
    {
        duplicate = null;
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var key = Normalize(property.Name);
            if (!fields.TryAdd(key, property.Value))
            {
                duplicate ??= Shorten(property.Name);
            }
        }

        return fields;
    }

    private static string Normalize(string name)
    {
        Span<char> buffer = name.Length <= 64 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c is not ('_' or '-' or ' '))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>JSON texts worth trying, most likely first: fenced blocks, the whole text, then balanced {...} / [...] spans.</summary>
    private static IEnumerable<string> Candidates(string output)
    {
        var text = output.Trim().TrimStart('\uFEFF');
        var yielded = 0;

        var position = 0;
        while (yielded < MaxCandidates)
        {
            var open = text.IndexOf("```", position, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var bodyStart = text.IndexOf('\n', open + 3);
            if (bodyStart < 0)
            {
                break;
            }

            var close = text.IndexOf("```", bodyStart + 1, StringComparison.Ordinal);
            yielded++;
            yield return close < 0 ? text[(bodyStart + 1)..] : text[(bodyStart + 1)..close];
            if (close < 0)
            {
                break;
            }

            position = close + 3;
        }

        if (text.Length > 0 && text[0] is '{' or '[')
        {
            yielded++;
            yield return text;
        }

        for (var start = 0; start < text.Length && yielded < MaxCandidates; start++)
        {
            if (text[start] is not ('{' or '['))
            {
                continue;
            }

            var end = MatchingClose(text, start);
            if (end > start)
            {
                yielded++;
                yield return text[start..(end + 1)];
                start = end;
            }
        }
    }

    /// <summary>The index of the bracket closing the one at <paramref name="start"/>, skipping strings; -1 when unbalanced.</summary>
    private static int MatchingClose(string text, int start)
    {
        Span<char> stack = stackalloc char[MaxNesting * 4];
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    if (depth == stack.Length)
                    {
                        return -1;
                    }

                    stack[depth++] = c == '{' ? '}' : ']';
                    break;
                case '}' or ']':
                    if (depth == 0 || stack[depth - 1] != c)
                    {
                        return -1;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
