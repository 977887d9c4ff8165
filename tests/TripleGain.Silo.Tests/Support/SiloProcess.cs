using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TripleGain.Silo.Hosting;

namespace TripleGain.Silo.Tests.Support;

/// <summary>
/// The real silo as a child process (<c>dotnet TripleGain.Silo.dll ...</c>), so a test can kill it with SIGKILL in the
/// middle of its work and start it again on the same data. Standard output and error are kept for failure messages.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private SiloProcess(Process process, IReadOnlyList<string> arguments, Uri address, string name)
    {
        this.process = process;
        Arguments = arguments;
        Address = address;
        Name = name;
        StartedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>A name for messages, e.g. "silo A".</summary>
    public string Name { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The HTTP address (from <c>--urls</c>).</summary>
    public Uri Address { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>When <see cref="Kill"/> killed it, or null.</summary>
    public DateTimeOffset? KilledAt { get; private set; }

    public bool HasExited => process.HasExited;

    /// <summary>
    /// Arguments for a silo process on free ports with the market clock at <paramref name="clockSpeed"/>; storage and
    /// cluster arguments are added by the caller.
    /// </summary>
    public static List<string> ArgumentsFor(string dataDirectory, double clockSpeed) =>
    [
        "--urls", $"http://127.0.0.1:{FreePort.Next()}",
        "--data-dir", dataDirectory,
        $"--Orleans:SiloPort={FreePort.Next()}",
        $"--Orleans:GatewayPort={FreePort.Next()}",
        $"--Market:ClockSpeed={clockSpeed.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    ];

    public static SiloProcess Start(IReadOnlyList<string> arguments, string name = "silo")
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var urls = arguments.ToList().IndexOf("--urls");
        if (urls < 0 || urls + 1 >= arguments.Count)
        {
            throw new ArgumentException("The arguments must hold --urls <address>.", nameof(arguments));
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(typeof(SiloHost).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child reads its storage from its arguments only.
        start.Environment.Remove(SiloSettings.PostgresVariable);
        start.Environment.Remove(SiloSettings.DataDirectoryVariable);
        start.Environment["DOTNET_gcServer"] = "0";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(process, arguments, new Uri(arguments[urls + 1]), name);
        process.OutputDataReceived += (_, e) => silo.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Waits until /health answers 200; fails with the process output when it exits or the time runs out.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was healthy:\n{OutputTail(40)}");
            }

            if (await HealthAsync() is not null)
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{Name} was not healthy within {timeout}:\n{OutputTail(40)}");
    }

    /// <summary>The /health document when it answers 200 (healthy or degraded), else null.</summary>
    public async Task<JsonElement?> HealthAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(Address, "/health"), TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return document.RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL to the process and its children; returns once it is gone.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            KilledAt = DateTimeOffset.UtcNow;
        }

        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>The last lines the process wrote (stdout and stderr).</summary>
    public string OutputTail(int lines) => string.Join('\n', output.TakeLast(lines));

    public IReadOnlyCollection<string> Output => output;

    public ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
