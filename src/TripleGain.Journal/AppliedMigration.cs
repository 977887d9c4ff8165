namespace TripleGain.Journal;

/// <summary>A row of <c>schema_migrations</c>: a migration applied to this database, its checksum and when.</summary>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTime AppliedAt);
