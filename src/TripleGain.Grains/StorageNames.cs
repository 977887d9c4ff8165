namespace TripleGain.Grains;

/// <summary>Names of the Orleans storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>
    /// The one grain-state storage (<c>[PersistentState("name", StorageNames.Grains)]</c>): ADO.NET on SQLite or PostgreSQL
    /// in the silo, memory storage under the same name in tests. State is serialized with System.Text.Json.
    /// </summary>
    public const string Grains = "grains";
}
