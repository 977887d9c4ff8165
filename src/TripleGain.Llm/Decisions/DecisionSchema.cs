using System.Text.Json;

namespace TripleGain.Llm.Decisions;

/// <summary>The JSON schema of the answer the prompt asks for, sent as structured-output format where the provider takes one.</summary>
public static class DecisionSchema
{
    public const string Name = "trade_decisions";

    public const string Description = "One trading decision per pair.";

    public const string Text = """
        {
          "type": "object",
          "properties": {
            "decisions": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "pair": { "type": "string", "description": "the pair exactly as listed, e.g. BTC/USDT" },
                  "action": { "type": "string", "enum": ["BUY", "SELL", "HOLD", "CLOSE"] },
                  "size_pct": { "type": "number", "description": "position size in percent of equity, 0..100" },
                  "confidence": { "type": "number", "description": "0..1" },
                  "stop_loss": { "type": ["number", "null"] },
                  "take_profit": { "type": ["number", "null"] },
                  "reasoning": { "type": "string" }
                },
                "required": ["pair", "action", "size_pct", "confidence", "stop_loss", "take_profit", "reasoning"],
                "additionalProperties": false
              }
            }
          },
          "required": ["decisions"],
          "additionalProperties": false
        }
        """;

    /// <summary>The schema as a JSON element (a fresh clone, independent of any document).</summary>
    public static JsonElement Schema { get; } = JsonDocument.Parse(Text).RootElement.Clone();
}
