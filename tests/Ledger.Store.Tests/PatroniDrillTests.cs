using System.Globalization;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// Failover with no one awake: the leader of the Patroni cluster dies (or is cut off) under 8
/// writers and 2 readers, and no acknowledged write is lost or doubled. Each drill writes its
/// figures to a file beside the tests, which .ci/run prints.
/// </summary>
public sealed class PatroniDrillTests(PatroniCluster cluster) : IClassFixture<PatroniCluster>
{
    [Fact]
    public async Task Leader_killed_writes_resume_without_a_person_reads_go_on_and_no_acknowledged_write_is_lost_or_doubled()
    {
        if (cluster.Missing is { } missing) Assert.Skip(missing);
        var leader = await cluster.LeaderAsync();
        var traffic = await DrillTraffic.StartAsync(cluster.Host.Server.CreateClient(), "killed");
        await traffic.WriteAcknowledgedAfterAsync(traffic.Now, 30, "before the kill");

        await cluster.SignalAsync(leader, "KILL");
        var killed = traffic.Now;
        var resumed = await traffic.WriteAcknowledgedAfterAsync(killed, 60, "after the kill");
        var failoverReads = traffic.Reads.Where(r => r.Sent > killed && r.Sent < resumed).ToList();
        var newLeader = await cluster.LeaderAsync();
        newLeader.ShouldNotBe(leader);

        // Started again, the killed node finds a leader that is not itself: it rewinds and follows it.
        await cluster.ClusterAsync("up");
        var members = await cluster.MembersAsync();
        members.Single(m => m.Name == leader).Role.ShouldBe("sync_standby");
        members.Single(m => m.Name == leader).Timeline.ShouldBe(members.Single(m => m.Name == newLeader).Timeline);

        var switchover = traffic.Now;
        await cluster.PatronictlAsync("switchover", "--leader", newLeader, "--candidate", leader, "--force");
        await UntilMembers(members => members.Any(m => m.Name == leader && m.Role == "leader"), 30, "the switchover back");
        await traffic.WriteAcknowledgedAfterAsync(traffic.Now, 30, "after the switchover");
        await traffic.DisposeAsync();
        var switchoverReads = traffic.Reads.Where(r => r.Sent > switchover).ToList();
        var switchoverWrites = traffic.Acknowledged.Count(a => a.Value.Sent > switchover);

        var (acknowledged, lost, doubled) = await Tally(traffic);
        var figures = $"""
            failover drill (SIGKILL of the leader's PostgreSQL and Patroni; 8 writers, 2 readers):
              acknowledged writes {acknowledged}, stored {acknowledged - lost}, lost {lost}, doubled {doubled}
              seconds from the kill to the first accepted write: {Seconds(resumed - killed)}
              reads during the failover: {failoverReads.Count} ({Statuses(failoverReads)})
              the killed node rejoined as a standby; switched back over to it, since:
                {switchoverWrites} writes acknowledged, {switchoverReads.Count} reads ({Statuses(switchoverReads)})
            """;
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "failover-drill.txt"), figures + "\n");

        traffic.Unexpected.ShouldBeEmpty(figures);
        (lost, doubled).ShouldBe((0, 0), figures);
        failoverReads.Concat(switchoverReads).ShouldAllBe(r => r.Status == 200 || r.Status == 503, figures);
        failoverReads.Count(r => r.Status == 200).ShouldBeGreaterThan(0, figures);
        (resumed - killed).ShouldBeLessThan(TimeSpan.FromSeconds(15), figures);
    }

    [Fact]
    public async Task Leader_cut_off_accepts_no_write_once_the_standby_is_promoted()
    {
        if (cluster.Missing is { } missing) Assert.Skip(missing);
        // Only the synchronous standby may be promoted: after the other drill's switchover, the node it demoted may still be rejoining.
        await UntilMembers(members => members.Any(m => m.Role == "sync_standby" && m.State == "running"), 60, "a synchronous standby before the cut");
        var leader = await cluster.LeaderAsync();
        var traffic = await DrillTraffic.StartAsync(cluster.Host.Server.CreateClient(), "cut-off");
        await traffic.WriteAcknowledgedAfterAsync(traffic.Now, 30, "before the cut");

        // The whole node is cut off: neither its PostgreSQL nor its Patroni answers anyone.
        await cluster.SignalAsync(leader, "STOP");
        var stopped = traffic.Now;
        var promoted = stopped;
        try
        {
            await UntilMembers(members => members.Any(m => m.Name != leader && m.Role == "leader"), 60, "the standby's promotion");
            promoted = traffic.Now;
            // Back on the network, the old leader still takes itself for the primary until its Patroni
            // sees the new leader's key; a commit there waits for its synchronous standby, which now leads.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            // Continued even when the drill fails, so the cluster can be stopped and the machine is left with no frozen server.
            await cluster.SignalAsync(leader, "CONT");
        }

        await UntilMembers(members => members.Any(m => m.Name == leader && m.Role == "sync_standby" && m.State == "running"), 60,
            "the old leader rejoining as a standby");
        await traffic.WriteAcknowledgedAfterAsync(traffic.Now, 30, "after the old leader rejoined");
        await traffic.DisposeAsync();

        var resumed = traffic.FirstAcknowledgedAfter(stopped)!.Value;
        var stored = await cluster.StoredResultsAsync();
        // Anything the old leader accepted after the promotion is on it alone: gone when it rejoins the new leader.
        var acknowledgedAfterPromotion = traffic.Acknowledged.Where(a => a.Value.Answered > promoted).ToList();
        var byOldLeader = acknowledgedAfterPromotion.Count(a => !stored.ContainsKey(a.Key));
        var (acknowledged, lost, doubled) = await Tally(traffic);
        var figures = $"""
            failover drill, the leader cut off (SIGSTOP of its PostgreSQL and Patroni, SIGCONT 2 s after the promotion):
              seconds from the cut to the promotion: {Seconds(promoted - stopped)}, to the first accepted write: {Seconds(resumed - stopped)}
              writes acknowledged after the promotion: {acknowledgedAfterPromotion.Count}, of them accepted by the old leader: {byOldLeader}
              acknowledged writes {acknowledged}, stored {acknowledged - lost}, lost {lost}, doubled {doubled}
            """;
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "failover-drill-cut-off.txt"), figures + "\n");

        traffic.Unexpected.ShouldBeEmpty(figures);
        (byOldLeader, lost, doubled).ShouldBe((0, 0, 0), figures);
    }

    /// <summary>Acknowledged writes, and of them how many are not stored, and how many result ids are stored more than once.</summary>
    private async Task<(int Acknowledged, int Lost, int Doubled)> Tally(DrillTraffic traffic)
    {
        var stored = await cluster.StoredResultsAsync();
        return (traffic.Acknowledged.Count, traffic.Acknowledged.Keys.Count(id => !stored.ContainsKey(id)), stored.Values.Count(count => count > 1));
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Statuses(IEnumerable<(TimeSpan Sent, int Status)> reads) =>
        string.Join(", ", reads.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {(g.Key == 0 ? "no answer" : g.Key)}"));

    /// <summary>Asks Patroni for its members until they are as <paramref name="expected"/>, for at most <paramref name="seconds"/>.</summary>
    private async Task UntilMembers(Func<PatroniCluster.Member[], bool> expected, int seconds, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var members = await cluster.MembersAsync();
            if (expected(members)) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what}: not within {seconds} s; the members: {string.Join(", ", members.AsEnumerable())}");
            await Task.Delay(200);
        }
    }
}
