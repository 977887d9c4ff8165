using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Npgsql;
using TripleGain.Silo.Storage;

namespace TripleGain.Silo.Hosting;

/// <summary>
/// The host's validated settings, read from configuration (appsettings, environment, command line). Reading throws
/// <see cref="SiloConfigurationException"/> at the first bad value.
/// </summary>
/// <param name="Urls">The HTTP address(es), from <c>--urls</c>; default <see cref="DefaultUrls"/>.</param>
/// <param name="Storage">Where Orleans keeps membership, grain state and reminders.</param>
/// <param name="Cluster">Orleans identity and endpoints.</param>
public sealed record SiloSettings(string Urls, StorageSettings Storage, ClusterSettings Cluster)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public const string DefaultDataDirectory = "./data";

    public const string UrlsKey = "urls";
    public const string DataDirectoryKey = "data-dir";
    public const string DataDirectoryVariable = "TRIPLEGAIN_DATA_DIR";
    public const string StorageProviderKey = "Storage:Provider";
    public const string ConnectionStringName = "TripleGain";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string PostgresVariable = "TRIPLEGAIN_POSTGRES";
    public const string ClusterIdKey = "Orleans:ClusterId";
    public const string ServiceIdKey = "Orleans:ServiceId";
    public const string AdvertisedAddressKey = "Orleans:AdvertisedAddress";
    public const string SiloPortKey = "Orleans:SiloPort";
    public const string GatewayPortKey = "Orleans:GatewayPort";
    public const string ProbeTimeoutKey = "Orleans:ProbeTimeoutSeconds";
    public const string MissedProbesLimitKey = "Orleans:MissedProbesLimit";

    public static SiloSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = ReadUrls(configuration);
        var dataDirectory = ReadDataDirectory(configuration);
        var storage = ReadStorage(configuration, dataDirectory);
        var cluster = new ClusterSettings(
            ReadName(configuration, ClusterIdKey, "triplegain"),
            ReadName(configuration, ServiceIdKey, "triplegain"),
            ReadAddress(configuration, AdvertisedAddressKey, IPAddress.Loopback),
            ReadPort(configuration, SiloPortKey, 11111),
            ReadPort(configuration, GatewayPortKey, 30000),
            ReadProbeTimeout(configuration),
            ReadMissedProbesLimit(configuration));
        if (cluster.SiloPort == cluster.GatewayPort)
        {
            throw new SiloConfigurationException(GatewayPortKey, cluster.GatewayPort.ToString(CultureInfo.InvariantCulture),
                $"must differ from {SiloPortKey}");
        }

        return new SiloSettings(urls, storage, cluster);
    }

    private static string ReadUrls(IConfiguration configuration)
    {
        var value = configuration[UrlsKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultUrls;
        }

        foreach (var url in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel's wildcard hosts (* and +) are not URI hosts: check the rest of the address.
            var checkable = url.Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal);
            if (!Uri.TryCreate(checkable, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new SiloConfigurationException(UrlsKey, value,
                    "must be one or more absolute http:// or https:// addresses separated by ';', e.g. http://127.0.0.1:5080");
            }
        }

        return value;
    }

    private static string ReadDataDirectory(IConfiguration configuration)
    {
        var key = configuration[DataDirectoryKey] is not null ? DataDirectoryKey : DataDirectoryVariable;
        var value = configuration[key];
        if (value is null)
        {
            value = DefaultDataDirectory;
        }
        else if (string.IsNullOrWhiteSpace(value))
        {
            throw new SiloConfigurationException(key, value, "must name a folder (default ./data)");
        }

        try
        {
            return Directory.CreateDirectory(Path.GetFullPath(value)).FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SiloConfigurationException(key, value, $"must be a folder the silo can create and write ({ex.Message})");
        }
    }

    private static StorageSettings ReadStorage(IConfiguration configuration, string dataDirectory)
    {
        var value = configuration[StorageProviderKey];
        if (value is null || string.Equals(value, nameof(StorageProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            return StorageSettings.ForSqlite(dataDirectory);
        }

        if (!string.Equals(value, nameof(StorageProvider.PostgreSql), StringComparison.OrdinalIgnoreCase))
        {
            throw new SiloConfigurationException(StorageProviderKey, value,
                $"must be {nameof(StorageProvider.Sqlite)} (embedded, the default) or {nameof(StorageProvider.PostgreSql)}");
        }

        var key = configuration.GetConnectionString(ConnectionStringName) is not null ? ConnectionStringKey : PostgresVariable;
        var connectionString = configuration[key];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new SiloConfigurationException(ConnectionStringKey, connectionString,
                $"is required when {StorageProviderKey} is {nameof(StorageProvider.PostgreSql)} (or set the environment variable {PostgresVariable})");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
            {
                throw new SiloConfigurationException(key, Mask(connectionString),
                    "must name Host and Database, e.g. Host=127.0.0.1;Port=5432;Database=triplegain;Username=triplegain;Password=...");
            }
        }
        catch (ArgumentException ex)
        {
            throw new SiloConfigurationException(key, Mask(connectionString), $"is not a valid PostgreSQL connection string ({ex.Message})");
        }

        return StorageSettings.ForPostgreSql(connectionString, dataDirectory);
    }

    private static string ReadName(IConfiguration configuration, string key, string fallback)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        if (value.Length is 0 or > 100 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new SiloConfigurationException(key, value, "must be 1 to 100 letters, digits, '-', '_' or '.'");
        }

        return value;
    }

    private static IPAddress ReadAddress(IConfiguration configuration, string key, IPAddress fallback)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        return IPAddress.TryParse(value, out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any)
            ? address
            : throw new SiloConfigurationException(key, value, "must be the IP address other silos reach this silo at, e.g. 127.0.0.1 or 10.0.0.5");
    }

    private static TimeSpan? ReadProbeTimeout(IConfiguration configuration)
    {
        var value = configuration[ProbeTimeoutKey];
        if (value is null)
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0.2 and <= 60
            ? TimeSpan.FromSeconds(seconds)
            : throw new SiloConfigurationException(ProbeTimeoutKey, value, "must be a number of seconds from 0.2 to 60 (Orleans' default is 5)");
    }

    private static int? ReadMissedProbesLimit(IConfiguration configuration)
    {
        var value = configuration[MissedProbesLimitKey];
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 10
            ? limit
            : throw new SiloConfigurationException(MissedProbesLimitKey, value, "must be a whole number from 1 to 10 (Orleans' default is 3)");
    }

    private static int ReadPort(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new SiloConfigurationException(key, value, "must be a TCP port from 1 to 65535");
    }

    /// <summary>The connection string with its password masked, for messages.</summary>
    internal static string Mask(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in builder.Keys.Cast<string>().ToList())
            {
                if (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                {
                    builder[key] = "***";
                }
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string, not shown)";
        }
    }
}
