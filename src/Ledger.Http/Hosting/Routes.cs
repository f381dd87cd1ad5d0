
namespace Ledger.Http.Hosting;

/// <summary>
/// Where a feature maps its endpoints: its JSON reads (the read verbs' GETs, answering as <c>--json</c>)
/// and its pages, which share paths with the reads and are chosen for browsers.
/// </summary>
public sealed record Routes(RouteGroupBuilder Reads, RouteGroupBuilder Pages);
