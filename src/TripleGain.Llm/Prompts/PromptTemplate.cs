using System.Security.Cryptography;
using System.Text;

namespace TripleGain.Llm.Prompts;

/// <summary>
/// A prompt template read from <c>prompts/</c>: its <see cref="Name"/> ("trading/decision"), <see cref="Version"/>
/// (from the <c>version:</c> front-matter line), the template <see cref="Body"/> without front matter, and the
/// SHA-256 <see cref="Hash"/> (lower-case hex) of the whole file text, so any edit, version included, changes it.
/// </summary>
public sealed record PromptTemplate(string Name, string Version, string Body, string Hash)
{
    /// <summary>"trading/decision@1".</summary>
    public string Id => $"{Name}@{Version}";

    /// <summary>Reads a template from its file text. The front matter (between two <c>---</c> lines) is optional;
    /// without a <c>version:</c> line the version is "0".</summary>
    public static PromptTemplate FromText(string name, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var version = "0";
        var body = normalized;
        if (normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = normalized.IndexOf("\n---\n", 3, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new FormatException($"Prompt '{name}': the front matter opened by '---' on line 1 is never closed.");
            }

            foreach (var line in normalized[4..end].Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line[..colon].Trim().Equals("version", StringComparison.OrdinalIgnoreCase))
                {
                    version = line[(colon + 1)..].Trim();
                }
            }

            body = normalized[(end + 5)..];
        }

        if (version.Length == 0)
        {
            throw new FormatException($"Prompt '{name}': the 'version:' line is empty.");
        }

        return new PromptTemplate(name, version, body.Trim(), Sha256(normalized));
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
