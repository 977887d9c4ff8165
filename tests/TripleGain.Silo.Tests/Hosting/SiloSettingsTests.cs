using System.Net;
using Microsoft.Extensions.Configuration;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Storage;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Hosting;

public sealed class SiloSettingsTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public void Read_OnlyDataDirectory_UsesEmbeddedDefaults()
    {
        var settings = Read(("data-dir", data.Path));

        settings.Urls.ShouldBe("http://127.0.0.1:5080");
        settings.Storage.Provider.ShouldBe(StorageProvider.Sqlite);
        settings.Storage.DataDirectory.ShouldBe(data.Path);
        settings.Storage.ConnectionString.ShouldContain(Path.Combine(data.Path, "orleans.db"));
        settings.Storage.AdoNetInvariant.ShouldBe("System.Data.SQLite");
        settings.Cluster.ShouldBe(new ClusterSettings("triplegain", "triplegain", IPAddress.Loopback, 11111, 30000));
    }

    [Fact]
    public void Read_DataDirectoryFromEnvironmentVariable_CreatesTheFolder()
    {
        var folder = Path.Combine(data.Path, "from-env", "nested");

        var settings = Read(("TRIPLEGAIN_DATA_DIR", folder));

        settings.Storage.DataDirectory.ShouldBe(folder);
        Directory.Exists(folder).ShouldBeTrue();
    }

    [Fact]
    public void Read_CommandLineDataDirectory_WinsOverEnvironmentVariable()
    {
        var settings = Read(("TRIPLEGAIN_DATA_DIR", Path.Combine(data.Path, "env")), ("data-dir", Path.Combine(data.Path, "cli")));

        settings.Storage.DataDirectory.ShouldBe(Path.Combine(data.Path, "cli"));
    }

    [Fact]
    public void Read_PostgreSqlWithConnectionString_UsesNpgsql()
    {
        var settings = Read(
            ("data-dir", data.Path),
            ("Storage:Provider", "postgresql"),
            ("ConnectionStrings:TripleGain", "Host=127.0.0.1;Port=5432;Database=tg;Username=tg;Password=s3cret"));

        settings.Storage.Provider.ShouldBe(StorageProvider.PostgreSql);
        settings.Storage.AdoNetInvariant.ShouldBe("Npgsql");
        settings.Storage.Describe().ShouldBe("PostgreSql 127.0.0.1:5432/tg as tg");
        settings.Storage.ToString().ShouldNotContain("s3cret");
    }

    [Fact]
    public void Read_PostgreSqlFromTripleGainPostgresVariable_UsesIt()
    {
        var settings = Read(
            ("data-dir", data.Path),
            ("Storage:Provider", "PostgreSql"),
            ("TRIPLEGAIN_POSTGRES", "Host=db;Database=triplegain;Username=tg"));

        settings.Storage.ConnectionString.ShouldBe("Host=db;Database=triplegain;Username=tg");
    }

    [Theory]
    [InlineData("Storage:Provider", "Oracle", "Configuration error: Storage:Provider = 'Oracle': must be Sqlite (embedded, the default) or PostgreSql")]
    [InlineData("Storage:Provider", "1", "Configuration error: Storage:Provider = '1': must be Sqlite (embedded, the default) or PostgreSql")]
    [InlineData("Orleans:SiloPort", "70000", "Configuration error: Orleans:SiloPort = '70000': must be a TCP port from 1 to 65535")]
    [InlineData("Orleans:GatewayPort", "-1", "Configuration error: Orleans:GatewayPort = '-1': must be a TCP port from 1 to 65535")]
    [InlineData("Orleans:GatewayPort", "11111", "Configuration error: Orleans:GatewayPort = '11111': must differ from Orleans:SiloPort")]
    [InlineData("Orleans:ClusterId", "my cluster", "Configuration error: Orleans:ClusterId = 'my cluster': must be 1 to 100 letters, digits, '-', '_' or '.'")]
    [InlineData("Orleans:AdvertisedAddress", "0.0.0.0", "Configuration error: Orleans:AdvertisedAddress = '0.0.0.0': must be the IP address other silos reach this silo at, e.g. 127.0.0.1 or 10.0.0.5")]
    [InlineData("urls", "127.0.0.1:5080", "Configuration error: urls = '127.0.0.1:5080': must be one or more absolute http:// or https:// addresses separated by ';', e.g. http://127.0.0.1:5080")]
    public void Read_BadValue_ThrowsOneLineNamingKeyValueAndRule(string key, string value, string expected)
    {
        var error = Should.Throw<SiloConfigurationException>(() => Read(("data-dir", data.Path), (key, value)));

        error.Message.ShouldBe(expected);
        error.Key.ShouldBe(key);
        error.Value.ShouldBe(value);
    }

    [Fact]
    public void Read_PostgreSqlWithoutConnectionString_SaysWhereToPutIt()
    {
        var error = Should.Throw<SiloConfigurationException>(() => Read(("data-dir", data.Path), ("Storage:Provider", "PostgreSql")));

        error.Message.ShouldBe(
            "Configuration error: ConnectionStrings:TripleGain = '': is required when Storage:Provider is PostgreSql (or set the environment variable TRIPLEGAIN_POSTGRES)");
    }

    [Fact]
    public void Read_PostgreSqlConnectionStringWithoutDatabase_MasksThePassword()
    {
        var error = Should.Throw<SiloConfigurationException>(() => Read(
            ("data-dir", data.Path),
            ("Storage:Provider", "PostgreSql"),
            ("ConnectionStrings:TripleGain", "Host=127.0.0.1;Username=tg;Password=s3cret")));

        error.Message.ShouldStartWith("Configuration error: ConnectionStrings:TripleGain = 'host=127.0.0.1;username=tg;password=***': must name Host and Database");
        error.Message.ShouldNotContain("s3cret");
    }

    [Fact]
    public void Read_PostgreSqlConnectionStringWithUnknownKeyword_NamesTheProblemWithoutThePassword()
    {
        var error = Should.Throw<SiloConfigurationException>(() => Read(
            ("data-dir", data.Path),
            ("Storage:Provider", "PostgreSql"),
            ("ConnectionStrings:TripleGain", "Host=127.0.0.1;Database=tg;Password=s3cret;Colour=blue")));

        error.Message.ShouldStartWith("Configuration error: ConnectionStrings:TripleGain = 'host=127.0.0.1;database=tg;password=***;colour=blue': is not a valid PostgreSQL connection string");
        error.Message.ShouldNotContain("s3cret");
    }

    [Fact]
    public void Read_DataDirectoryUnderAFile_SaysItCannotBeCreated()
    {
        var file = Path.Combine(data.Path, "a-file");
        File.WriteAllText(file, "not a folder");

        var error = Should.Throw<SiloConfigurationException>(() => Read(("data-dir", Path.Combine(file, "data"))));

        error.Key.ShouldBe("data-dir");
        error.Message.ShouldStartWith($"Configuration error: data-dir = '{Path.Combine(file, "data")}': must be a folder the silo can create and write");
    }

    private static SiloSettings Read(params (string Key, string Value)[] values) =>
        SiloSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
