using Microsoft.Extensions.Hosting;

namespace TripleGain.Silo.Services.Auth;

/// <summary>At start-up, creates the first-run operator when none is configured or stored (<see cref="OperatorDirectory.EnsureFirstRunOperator"/>).</summary>
public sealed class FirstRunOperator(OperatorDirectory directory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        directory.EnsureFirstRunOperator();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
