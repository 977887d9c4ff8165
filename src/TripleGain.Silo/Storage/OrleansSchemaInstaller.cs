using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TripleGain.Silo.Storage;

/// <summary>
/// Applies <see cref="OrleansSchema"/> while the host is starting, before any hosted service (the Orleans silo
/// included) starts, so the providers find their queries.
/// </summary>
internal sealed partial class OrleansSchemaInstaller(StorageSettings storage, ILogger<OrleansSchemaInstaller> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await OrleansSchema.ApplyAsync(storage, cancellationToken);
        LogApplied(OrleansSchema.ContractVersion, storage.Describe());
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans {ContractVersion} storage scripts applied to {Storage}")]
    private partial void LogApplied(string contractVersion, string storage);
}
