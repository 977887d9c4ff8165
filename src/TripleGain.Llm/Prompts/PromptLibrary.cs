namespace TripleGain.Llm.Prompts;

/// <summary>
/// The prompt templates under a <c>prompts/</c> folder (by default the one copied beside the assembly), read once.
/// Names are the relative path without ".md", with '/' separators: "system/trading-system", "trading/decision".
/// </summary>
public sealed class PromptLibrary
{
    public const string SystemPromptName = "system/trading-system";
    public const string DecisionPromptName = "trading/decision";

    private readonly Dictionary<string, PromptTemplate> _templates;

    public PromptLibrary(IEnumerable<PromptTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _templates = templates.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The folder the build copies <c>prompts/</c> to.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "prompts");

    public IReadOnlyCollection<string> Names => _templates.Keys;

    /// <summary>Reads every *.md file below <paramref name="directory"/> (default: <see cref="DefaultDirectory"/>).</summary>
    public static PromptLibrary Load(string? directory = null)
    {
        var root = directory ?? DefaultDirectory;
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Prompt folder '{root}' does not exist; prompts/ is copied to the output by TripleGain.Llm.");
        }

        var templates = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
                return PromptTemplate.FromText(relative[..^3], File.ReadAllText(path));
            });
        return new PromptLibrary(templates);
    }

    public PromptTemplate Get(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new KeyNotFoundException($"Prompt '{name}' not found; known prompts: {string.Join(", ", _templates.Keys.Order(StringComparer.Ordinal))}.");
}
