using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>The membership probe settings that decide how soon a dead silo is declared dead (and its cycle taken over).</summary>
[Collection(SiloHostCollection.Name)]
public sealed class FailoverSettingsTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public void Read_NoProbeSettings_KeepsOrleansDefaults()
    {
        var cluster = Read().Cluster;

        cluster.ProbeTimeout.ShouldBeNull();
        cluster.MissedProbesLimit.ShouldBeNull();
    }

    [Fact]
    public void Read_ProbeSettings_AreTakenAsGiven()
    {
        var cluster = Read(("Orleans:ProbeTimeoutSeconds", "1.5"), ("Orleans:MissedProbesLimit", "2")).Cluster;

        cluster.ProbeTimeout.ShouldBe(TimeSpan.FromSeconds(1.5));
        cluster.MissedProbesLimit.ShouldBe(2);
    }

    [Theory]
    [InlineData("Orleans:ProbeTimeoutSeconds", "0.1", "Configuration error: Orleans:ProbeTimeoutSeconds = '0.1': must be a number of seconds from 0.2 to 60 (Orleans' default is 5)")]
    [InlineData("Orleans:ProbeTimeoutSeconds", "5s", "Configuration error: Orleans:ProbeTimeoutSeconds = '5s': must be a number of seconds from 0.2 to 60 (Orleans' default is 5)")]
    [InlineData("Orleans:MissedProbesLimit", "0", "Configuration error: Orleans:MissedProbesLimit = '0': must be a whole number from 1 to 10 (Orleans' default is 3)")]
    [InlineData("Orleans:MissedProbesLimit", "2.5", "Configuration error: Orleans:MissedProbesLimit = '2.5': must be a whole number from 1 to 10 (Orleans' default is 3)")]
    public void Read_BadProbeSetting_ThrowsOneLineNamingKeyValueAndRule(string key, string value, string expected)
    {
        Should.Throw<SiloConfigurationException>(() => Read((key, value))).Message.ShouldBe(expected);
    }

    [Fact]
    public async Task Start_ProbeSettings_ReachOrleansMembershipOptions()
    {
        var arguments = RunningSilo.Arguments(data.Path);
        arguments.Add("--Orleans:ProbeTimeoutSeconds=1");
        arguments.Add("--Orleans:MissedProbesLimit=2");

        await using var silo = await RunningSilo.StartAsync(arguments, TestContext.Current.CancellationToken);

        var options = silo.App.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        options.ProbeTimeout.ShouldBe(TimeSpan.FromSeconds(1));
        options.NumMissedProbesLimit.ShouldBe(2);
    }

    private SiloSettings Read(params (string Key, string Value)[] values) =>
        SiloSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Prepend(("data-dir", data.Path)).Select(v => new KeyValuePair<string, string?>(v.Item1, v.Item2)))
            .Build());
}
