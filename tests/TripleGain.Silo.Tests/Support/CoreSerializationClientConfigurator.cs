using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using TripleGain.Grains;

namespace TripleGain.Silo.Tests.Support;

/// <summary>Test-cluster clients need the same System.Text.Json codec for Core's records as the silos.</summary>
public sealed class CoreSerializationClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.AddCoreSerialization();
}
