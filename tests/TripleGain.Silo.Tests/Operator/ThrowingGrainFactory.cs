using System.Reflection;

namespace TripleGain.Silo.Tests.Operator;

/// <summary>An <see cref="IGrainFactory"/> whose every call throws, as when the cluster is unreachable.</summary>
#pragma warning disable CA1852 // DispatchProxy needs an unsealed subclass
internal class ThrowingGrainFactory : DispatchProxy
#pragma warning restore CA1852
{
    public static IGrainFactory Create() => Create<IGrainFactory, ThrowingGrainFactory>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException($"The cluster is unreachable ({targetMethod?.Name}).");
}
