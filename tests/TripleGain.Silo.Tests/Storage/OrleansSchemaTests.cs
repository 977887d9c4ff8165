using Microsoft.Data.Sqlite;
using TripleGain.Silo.Storage;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Storage;

public sealed class OrleansSchemaTests : IDisposable
{
    /// <summary>Every query key the Orleans 10.4.2 ADO.NET clustering, persistence and reminder providers require.</summary>
    public static readonly IReadOnlySet<string> RequiredQueryKeys = new HashSet<string>
    {
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    };

    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public void ReadScript_EveryScript_NamesTheOrleansContractVersion(StorageProvider provider)
    {
        foreach (var name in OrleansSchema.ScriptNames)
        {
            OrleansSchema.ReadScript(provider, name).ShouldContain("10.4.2", customMessage: $"{provider} {name}");
        }
    }

    [Fact]
    public async Task ApplyAsync_FreshSqliteFileTwice_HasEveryRequiredQueryOnce()
    {
        var storage = StorageSettings.ForSqlite(data.Path);

        await OrleansSchema.ApplyAsync(storage, TestContext.Current.CancellationToken);
        await OrleansSchema.ApplyAsync(storage, TestContext.Current.CancellationToken);

        await using var connection = new SqliteConnection(storage.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        (await QueryKeysAsync(connection)).ShouldBe(RequiredQueryKeys.Order(StringComparer.Ordinal), ignoreOrder: false);
    }

    public static async Task<List<string>> QueryKeysAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys.Order(StringComparer.Ordinal).ToList();
    }
}
