using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TripleGain.Silo.Storage;

namespace TripleGain.Silo.Health;

/// <summary>"storage": a real query on the storage database (the Orleans query table).</summary>
internal sealed class StorageHealthCheck(StorageSettings storage) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = storage.Provider.ToString() };
        try
        {
            await using var connection = storage.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM OrleansQuery";
            var queries = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            data["orleansQueries"] = queries;
            return HealthCheckResult.Healthy(storage.Describe(), data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{storage.Describe()}: {ex.GetType().Name}: {ex.Message}", data: data);
        }
    }
}
