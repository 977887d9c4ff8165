using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace TripleGain.EndToEnd.Tests.Support;

/// <summary>
/// The real silo (its build output, src/TripleGain.Silo/bin/&lt;Configuration&gt;/net10.0) run as a separate process on
/// 127.0.0.1 with its own data folder and ports and a market clock 60 times faster than real time.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();
    private Process? process;

    /// <param name="dataDirectory">The silo's data folder (and working directory).</param>
    /// <param name="extraArguments">More command-line arguments, e.g. <c>--Trading:ConfigFile=...</c>.</param>
    public SiloProcess(string dataDirectory, IReadOnlyList<string>? extraArguments = null)
    {
        DataDirectory = dataDirectory;
        ExtraArguments = extraArguments ?? [];
        HttpPort = FreePort.Next();
        SiloPort = FreePort.Next();
        GatewayPort = FreePort.Next();
    }

    public string DataDirectory { get; }

    public IReadOnlyList<string> ExtraArguments { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri Address => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>Everything the silo printed (stdout and stderr) so far.</summary>
    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    public static string SiloAssembly
    {
        get
        {
            var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var root = RepositoryRoot();
            var path = Path.Combine(root, "src", "TripleGain.Silo", "bin", configuration, "net10.0", "TripleGain.Silo.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The silo's build output {path} is missing: build the solution ({configuration}) first.", path);
        }
    }

    /// <summary>
    /// The arguments that start a silo on the repository's paper configuration with <c>stages.start_phase: 1</c>
    /// (written to <paramref name="directory"/>): its accounts place no trade until they are promoted.
    /// </summary>
    public static IReadOnlyList<string> StartPhaseOneArguments(string directory)
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot(), "config", "paper_trading_config.yaml"));
        var phaseOne = yaml.Replace("start_phase: 2", "start_phase: 1", StringComparison.Ordinal);
        if (phaseOne == yaml)
        {
            throw new InvalidOperationException("config/paper_trading_config.yaml should set stages.start_phase: 2.");
        }

        var path = Path.Combine(directory, "phase1_trading_config.yaml");
        File.WriteAllText(path, phaseOne);
        return [$"--Trading:ConfigFile={path}"];
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TripleGain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No TripleGain.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Starts the silo and waits until it prints its address (or fails).</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("The silo is running already.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        foreach (var argument in new[]
        {
            "exec", SiloAssembly,
            "--urls", Address.ToString().TrimEnd('/'),
            "--data-dir", DataDirectory,
            $"--Orleans:SiloPort={SiloPort}",
            $"--Orleans:GatewayPort={GatewayPort}",
            "--Market:ClockSpeed=60",
        }.Concat(ExtraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var up = $"TripleGain silo is up at {Address.ToString().TrimEnd('/')}";
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data, up, started);
        process.ErrorDataReceived += (_, e) => Append(e.Data, up, started);
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"The silo exited with code {process.ExitCode}:\n{Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await started.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The silo did not start within {timeout.TotalSeconds} s:\n{Output}");
        }
    }

    /// <summary>The one-time password the silo printed at its first start, or null.</summary>
    public string? PrintedFirstRunPassword() =>
        FirstRunLine().Match(Output) is { Success: true } match ? match.Groups["password"].Value : null;

    /// <summary>Stops the silo as Ctrl+C or systemd would (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (process is null || process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows() && await SendTermAsync(process.Id))
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(cts.Token);
                return;
            }
            catch (OperationCanceledException)
            {
            }
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
    }

    private void Append(string? line, string up, TaskCompletionSource started)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.AppendLine(line);
        }

        if (line.Contains(up, StringComparison.Ordinal))
        {
            started.TrySetResult();
        }
    }

    private static async Task<bool> SendTermAsync(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        if (kill is null)
        {
            return false;
        }

        await kill.WaitForExitAsync();
        return kill.ExitCode == 0;
    }

    [GeneratedRegex(@"one-time password (?<password>[A-Za-z0-9-]+)")]
    private static partial Regex FirstRunLine();
}
