namespace TripleGain.Tests.Shared;

/// <summary>
/// Locates ../shared/reference (reference data beside the project, never copied into it). It is searched for in every
/// ancestor of the test's output folder, so it is found from a clone, a worktree or CI's checkout.
/// Tests that need it call <see cref="Require"/>, which fails with a clear message when it is absent.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The reference folder, or null when it is not beside the project.</summary>
    public static string? Directory => Root.Value;

    public static bool IsPresent => Root.Value is not null;

    /// <summary>The full path of a file under the reference folder (e.g. "indicators/default.csv").</summary>
    public static string Require(string relativePath)
    {
        var root = Root.Value ?? throw new InvalidOperationException(
            "The reference data folder ../shared/reference is absent: these conformance tests need it (see shared/README.md).");
        var path = Path.Combine(root, relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Reference file missing: {path}", path);
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (System.IO.Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }

        return null;
    }
}
