namespace Ledger.Store.Commanding;

/// <summary>
/// Declares, on a command, how it is asked for from outside: the verb of the command line
/// (<c>ledger add-result</c>), the route of the HTTP API it is POSTed to, and what it does. Both are made
/// from it (<see cref="Write"/>), and both read its input, the fields of its event, with one reader.
/// </summary>
/// <param name="verb">The verb: <c>add-result</c>.</param>
/// <param name="route">
/// The route: <c>/athletes/{athlete}/results</c>; a parameter other than the athlete is a field of the event
/// (<c>{resultId}</c> is <c>result_id</c>).
/// </param>
/// <param name="summary">What it does, in a line, for the verb's help and the API's description.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class WriteAttribute(string verb, string route, string summary) : Attribute
{
    public string Verb { get; } = verb;
    public string Route { get; } = route;
    public string Summary { get; } = summary;

    /// <summary>The fields the verb takes as arguments after the athlete, in order: <c>correct-result ATHLETE RESULT_ID</c>.</summary>
    public string[] Arguments { get; set; } = [];
}
