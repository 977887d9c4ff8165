namespace TripleGain.Llm.Prompts;

/// <summary>
/// The prompt sent for one decision: system and user text, the id of the templates ("trading/decision@1") and
/// the SHA-256 hash over both template files (system + decision); <see cref="Hash"/> is the SHA-256 of the rendered
/// text itself, which is what the decision cache keys on (with the model id).
/// </summary>
public sealed record RenderedPrompt(string Name, string TemplateHash, string System, string User)
{
    /// <summary>System and user text as one string, for the trace.</summary>
    public string Text => $"[system]\n{System}\n\n[user]\n{User}";

    /// <summary>Lower-case hex SHA-256 of <see cref="Text"/>: the same context and templates give the same hash.</summary>
    public string Hash => PromptTemplate.Sha256(Text);
}
