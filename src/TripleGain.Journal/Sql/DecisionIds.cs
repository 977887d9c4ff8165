namespace TripleGain.Journal.Sql;

/// <summary>
/// The ids of a chunk of decision keys after an insert-if-absent, and which of them the insert created. A key that
/// occurs twice in one chunk is created by its first occurrence only: <see cref="Claim"/> hands "created" out once.
/// </summary>
internal sealed class DecisionIds
{
    private readonly Dictionary<string, long> ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> created = new(StringComparer.Ordinal);

    public void Add(string key, long id, bool created)
    {
        ids[key] = id;
        if (created)
        {
            this.created.Add(key);
        }
    }

    public bool Contains(string key) => ids.ContainsKey(key);

    public (long Id, bool Created) Claim(string key) =>
        ids.TryGetValue(key, out var id)
            ? (id, created.Remove(key))
            : throw new InvalidOperationException($"Decision '{key}' was neither inserted nor found in the journal.");
}
