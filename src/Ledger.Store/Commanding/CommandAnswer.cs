using System.Text.Json.Serialization;

namespace Ledger.Store.Commanding;

/// <summary>What a command answers. An answer recalled for a command id sent again says so, for the caller to tell.</summary>
public abstract record CommandAnswer
{
    [JsonIgnore]
    public bool Replayed { get; private init; }

    /// <summary>This answer, given again to a request that was answered before.</summary>
    public CommandAnswer Replay() => this with { Replayed = true };
}
