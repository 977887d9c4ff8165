using System.Diagnostics;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Hosting;

public sealed class StartupValidationTests : IDisposable
{
    private const string ProviderError =
        "Configuration error: Storage:Provider = 'Oracle': must be Sqlite (embedded, the default) or PostgreSql";

    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task RunAsync_UnknownStorageProvider_PrintsOneLineAndExitsWithConfigurationError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await SiloHost.RunAsync(
            ["--data-dir", data.Path, "--Storage:Provider=Oracle"], output, error, TestContext.Current.CancellationToken);

        exitCode.ShouldBe(SiloHost.ConfigurationErrorExitCode);
        error.ToString().ShouldBe(ProviderError + Environment.NewLine);
        output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Process_UnknownStorageProviderFromEnvironment_ExitsNonZeroWithOneLineAndNoStackTrace()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data.Path,
        };
        start.ArgumentList.Add(typeof(SiloHost).Assembly.Location);
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(data.Path);
        start.Environment["Storage__Provider"] = "Oracle";

        using var process = Process.Start(start).ShouldNotBeNull();
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(SiloHost.ConfigurationErrorExitCode);
        (await stderr).ShouldBe(ProviderError + "\n");
        (await stdout).ShouldBeEmpty();
    }
}
