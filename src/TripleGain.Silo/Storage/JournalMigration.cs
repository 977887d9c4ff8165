using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TripleGain.Journal;

namespace TripleGain.Silo.Storage;

/// <summary>Applies the decision journal's numbered migrations at start-up, before the silo starts its cycles.</summary>
public sealed partial class JournalMigration(JournalDatabase database, ILogger<JournalMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await new JournalMigrator(database).MigrateAsync(cancellationToken);
        if (applied.Count > 0)
        {
            LogApplied(logger, applied.Count, string.Join(", ", applied.Select(a => a.Name)));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision journal: applied {Count} migration(s): {Names}")]
    private static partial void LogApplied(ILogger logger, int count, string names);
}
