namespace TripleGain.Silo.Tests.Support;

/// <summary>Tests that start real silo hosts run one after another (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class SiloHostCollection
{
    public const string Name = "Silo hosts";
}
