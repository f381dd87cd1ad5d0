namespace Ledger.Domain;

/// <summary>What is wrong with a value, named by the field it came in, and where, when it came from a file (<c>events.jsonl:12</c>).</summary>
public sealed record FieldProblem(string Field, string Message, string? At = null)
{
    public override string ToString() => $"{(At is null ? "" : $"{At}: ")}field '{Field}': {Message}";
}

/// <summary>
/// A request the ledger turns down, and why; nothing was written. Each kind is answered alike wherever
/// it is met: over HTTP by its status with problem details, on a page in the same words, and on the
/// command line by exit status 2 with a line on stderr for each reason.
/// </summary>
public abstract class Refusal(string message) : Exception(message)
{
    /// <summary>What was wrong, a line each.</summary>
    public virtual IReadOnlyList<string> Reasons => [Message];
}

/// <summary>The input was wrong: every wrong field named at once.</summary>
public sealed class Refused(IReadOnlyList<FieldProblem> problems) : Refusal(string.Join("; ", problems))
{
    public Refused(string field, string message, string? at = null) : this([new FieldProblem(field, message, at)])
    {
    }

    public IReadOnlyList<FieldProblem> Problems { get; } = problems;

    public override IReadOnlyList<string> Reasons => Problems.Select(p => p.ToString()).ToList();
}

/// <summary>What the request names is not in the ledger: an athlete, or a country no athlete has (most often a typo).</summary>
public sealed class NotFound(string message) : Refusal(message)
{
    public static NotFound Athlete(string athlete) => new($"no athlete '{athlete}' in the ledger");

    public static NotFound Country(string country) => new($"no athlete of country '{country}' in the ledger");

    public static NotFound Discipline(Discipline discipline) =>
        new($"no discipline '{discipline.Code}' in the catalogue, nor a mark of it in the ledger (the closest are {discipline.Closest})");
}

/// <summary>The request clashes with what the ledger holds already (a key of that name exists).</summary>
public sealed class Conflict(string message) : Refusal(message);

/// <summary>
/// The request came with an id its sender had given another request (an <c>Idempotency-Key</c>, a
/// <c>--command-id</c>): answering it as that one was answered would hide that it was never carried out.
/// </summary>
public sealed class IdReused(string field, string message) : Refusal(message)
{
    public FieldProblem Problem { get; } = new(field, message);

    public override IReadOnlyList<string> Reasons => [Problem.ToString()];
}

/// <summary>
/// Whoever sent the request may not make it: no key the ledger knows (<see cref="Unidentified"/>), or a
/// key that does not reach so far.
/// </summary>
public sealed class Forbidden(string message, bool unidentified = false) : Refusal(message)
{
    public bool Unidentified { get; } = unidentified;
}
