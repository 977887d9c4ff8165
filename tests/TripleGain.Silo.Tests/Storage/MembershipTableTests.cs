using TripleGain.Silo.Storage;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Storage;

public sealed class MembershipTableTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task AdoNetClusteringTable_SqliteScripts_FollowMembershipContract() =>
        await MembershipTableContract.VerifyAsync(StorageSettings.ForSqlite(data.Path));
}
