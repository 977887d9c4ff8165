using System.CommandLine;
using TripleGain.Cli.Commands;

namespace TripleGain.Cli;

/// <summary>The command line: <c>backtest</c>, <c>indicators</c>, <c>data</c>. Output goes to the given writers so tests can read it.</summary>
public static class CliApp
{
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("TripleGain: multi-asset crypto trading engine. Backtests, indicators and market data.");
        root.Subcommands.Add(BacktestCommand.Create());
        root.Subcommands.Add(IndicatorsCommand.Create());
        root.Subcommands.Add(DataCommand.Create());
        root.Subcommands.Add(HashPasswordCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await BuildRootCommand().Parse(args).InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
