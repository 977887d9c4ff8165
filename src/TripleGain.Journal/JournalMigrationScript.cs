using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

/// <summary>
/// One numbered migration: sql/journal/&lt;dialect&gt;/NNNN_name.sql, embedded in this assembly. The checksum is the
/// SHA-256 of the text with line endings normalized to "\n" (so a CRLF checkout does not look like an edit).
/// </summary>
public sealed partial class JournalMigrationScript
{
    public JournalMigrationScript(int version, string name, string sql)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        if (name is null || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"Migration name must be lower-case letters, digits and '_' (got '{name}').", nameof(name));
        }

        Version = version;
        Name = name;
        Sql = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        Checksum = JournalValues.Sha256Hex(Sql);
    }

    public int Version { get; }

    public string Name { get; }

    public string Sql { get; }

    public string Checksum { get; }

    /// <summary>"0001_initial".</summary>
    public string Label => $"{Version.ToString("D4", CultureInfo.InvariantCulture)}_{Name}";

    public override string ToString() => Label;

    /// <summary>The migrations embedded for a provider, ordered by version.</summary>
    public static IReadOnlyList<JournalMigrationScript> Embedded(JournalProvider provider)
    {
        var folder = provider switch
        {
            JournalProvider.Sqlite => SqliteDialect.Instance.ScriptFolder,
            JournalProvider.PostgreSql => PostgreSqlDialect.Instance.ScriptFolder,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Journal provider must be Sqlite or PostgreSql."),
        };
        var assembly = typeof(JournalMigrationScript).Assembly;
        var prefix = $"journal/{folder}/";
        var scripts = new List<JournalMigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalized = resource.Replace('\\', '/');
            if (!normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = normalized[prefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new JournalMigrationException(
                    $"Embedded journal migration '{normalized}' is misnamed: expected NNNN_name.sql (e.g. 0002_add_index.sql).");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new JournalMigrationException($"Embedded journal migration '{normalized}' cannot be read.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            scripts.Add(new JournalMigrationScript(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        if (scripts.Count == 0)
        {
            throw new JournalMigrationException($"No journal migrations are embedded for {provider} (expected resources {prefix}NNNN_name.sql).");
        }

        return [.. scripts.OrderBy(script => script.Version)];
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
