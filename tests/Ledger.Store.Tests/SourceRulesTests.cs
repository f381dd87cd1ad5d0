using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>Limits every hand-written source file under src/ keeps: generated code and build output are left out.</summary>
public sealed class SourceRulesTests
{
    // A newcomer reads every file: long lines and long files hide what a file holds.
    private const int MostCharactersInALine = 160;
    private const int MostLinesInAFile = 400;

    [Fact]
    public void No_hand_written_line_is_longer_than_160_characters()
    {
        var tooLong = SourceFiles()
            .SelectMany(file => File.ReadLines(Path.Combine(Repository.Root, file)).Select((line, i) => (File: file, Number: i + 1, line.Length)))
            .Where(line => line.Length > MostCharactersInALine)
            .Select(line => $"{line.File}:{line.Number} ({line.Length} characters)")
            .ToList();

        tooLong.ShouldBeEmpty(string.Join('\n', tooLong));
    }

    [Fact]
    public void No_hand_written_file_is_longer_than_400_lines()
    {
        var tooLong = SourceFiles()
            .Select(file => (File: file, Lines: File.ReadLines(Path.Combine(Repository.Root, file)).Count()))
            .Where(file => file.Lines > MostLinesInAFile)
            .Select(file => $"{file.File} ({file.Lines} lines)")
            .ToList();

        tooLong.ShouldBeEmpty(string.Join('\n', tooLong));
    }

    /// <summary>Each .cs and .razor file under src/, as a path from the repository's root.</summary>
    private static List<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(path => Path.GetExtension(path) is ".cs" or ".razor")
            .Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/Internal/Generated/") && !path.Contains("/obj/") && !path.Contains("/bin/"))
            .ToList();
}
