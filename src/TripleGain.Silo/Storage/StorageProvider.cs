namespace TripleGain.Silo.Storage;

/// <summary>Where the silo keeps Orleans state (configuration key <c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>Embedded default: a SQLite file under the data folder, localhost clustering, no server.</summary>
    Sqlite,

    /// <summary>PostgreSQL for clustering, grain state and reminders: production and multi-silo.</summary>
    PostgreSql,
}
