namespace Ledger.Tests;

/// <summary>The repository's root, where a user runs the README's commands, seen from a test project's output folder.</summary>
public static class Repository
{
    public static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    /// <summary>events/: the seed careers, bat-ochir-ser-od.jsonl among them.</summary>
    public static readonly string Events = Path.Combine(Root, "events");
}
