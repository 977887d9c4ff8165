namespace TripleGain.EndToEnd.Tests.Support;

/// <summary>The end-to-end tests share one silo and browser and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
