using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;

namespace Ledger.Store.Commanding;

/// <summary>
/// A client's id for one request, so that a retry is safe: HTTP's <c>Idempotency-Key</c>, the CLI's
/// <c>--command-id</c>. As the IETF draft on idempotency keys and the payment APIs before it scope such
/// a key, it belongs to its sender, so two federations may both pick "1", and to one request, so the
/// same id sent with another request is refused rather than answered as if that request had been carried out.
/// </summary>
/// <param name="Key">The id as the client gave it.</param>
/// <param name="Sender">Who sent it: the write key's name over HTTP, the user on the command line.</param>
/// <param name="Field">Where the client gave it, for a refusal to name: <c>Idempotency-Key</c>, <c>command-id</c>.</param>
public sealed record CommandId(string Key, string Sender, string Field)
{
    public const int MaxLength = 255;

    /// <summary>A digest of what was asked: the command, its athlete and its fields, set by <see cref="Write.Make"/>.</summary>
    public string Request { get; init; } = "";

    /// <summary>The id of the answer kept for it: the sender and the key, unambiguous whatever either holds.</summary>
    public string Stored => JsonSerializer.Serialize(new[] { Sender, Key });

    /// <summary>The id a client gave, if any; refused when it is longer than any id needs to be.</summary>
    public static CommandId? Of(string? key, string sender, string field) => key switch
    {
        null or "" => null,
        { Length: > MaxLength } => throw new Refused(field, $"is {key.Length} characters; an id is at most {MaxLength}"),
        _ => new CommandId(key, sender, field),
    };

    /// <summary>This id bound to one request: a command of <paramref name="command"/> for the athlete, with these fields.</summary>
    public CommandId For(Type command, string athlete, JsonObject fields) => this with
    {
        Request = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{command.Name}\n{athlete}\n{fields.ToJsonString()}"))),
    };
}
