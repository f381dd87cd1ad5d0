using System.Diagnostics;
using System.Net.Sockets;
using System.Net;
using System.Security.Cryptography;
using Npgsql;

namespace Ledger.Store.Hosting;

/// <summary>
/// A PostgreSQL server the ledger runs for itself from the machine's server binaries: a data folder
/// created on first use, started on loopback when needed, left running for the next verb, stopped on
/// request. PostgreSQL refuses to run as root, so a root user's server runs as the postgres account.
/// </summary>
public sealed class LocalPostgres(string folder)
{
    public const string Database = "ledger";
    private const string User = "ledger";

    public string Folder { get; } = Path.GetFullPath(folder);
    private string DataFolder => Path.Combine(Folder, "data");
    private string PortFile => Path.Combine(Folder, "port");
    private string PasswordFile => Path.Combine(Folder, "password");

    /// <summary>Where the server writes what went wrong, e.g. a full disk.</summary>
    public string LogFile => Path.Combine(DataFolder, "server.log");
    private static bool AsRoot => Environment.IsPrivilegedProcess;

    /// <summary>
    /// <c>LEDGER_DATA_DIR</c>, else the user's data directory. Root's server runs as postgres, which
    /// cannot enter /root, so root's default lives under /var/lib instead.
    /// </summary>
    public static string DefaultFolder() =>
        Environment.GetEnvironmentVariable("LEDGER_DATA_DIR") is { Length: > 0 } configured
            ? configured
            : AsRoot
                ? "/var/lib/ledger/postgres"
                : Path.Combine(
                    Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ledger", "postgres");

    public bool IsCreated => File.Exists(Path.Combine(DataFolder, "PG_VERSION"));

    public bool IsRunning => IsCreated && Run(PgCtl, ["status", "-D", DataFolder], check: false).ExitCode == 0;

    /// <summary>
    /// Creates and starts the server as needed, and answers how to connect to it; never once its
    /// standby was promoted, since this server is behind it, and beside it would be a second primary.
    /// A server started again moves to a free port when its own is taken, unless <paramref name="onItsPort"/>:
    /// a process that keeps its connection (serve) needs it back where it was.
    /// </summary>
    public string EnsureRunning(bool onItsPort = false)
    {
        if (Standby is { IsCreated: true, IsStandby: false } promoted)
            throw new LocalPostgresUnavailable(
                $"the standby in {promoted.Folder} was promoted: the server in {Folder} is behind it, and used beside it would be a second primary. " +
                $"Use the promoted one (export LEDGER_CONNECTION='{promoted.ConnectionString(Database)}'), or delete {Folder} to start afresh");
        Directory.CreateDirectory(Folder);
        // Several ledger processes may start at once (parallel commands): one of them sets up.
        using var _ = Lock();
        if (!IsCreated) Create();
        if (!IsRunning) Start(onItsPort);
        return ConnectionString(Database);
    }

    /// <summary>Stops the server: at once with <paramref name="immediate"/>, as a crash would (the fault drills).</summary>
    public void Stop(bool immediate = false)
    {
        if (IsRunning) Run(PgCtl, ["stop", "-D", DataFolder, "-m", immediate ? "immediate" : "fast", "-w"]);
    }

    /// <summary>Folder/standby: where a streaming standby of this server lives, to try replicas and failover on one machine.</summary>
    public LocalPostgres Standby => new(Path.Combine(Folder, "standby"));

    /// <summary>
    /// Starts this server and a hot standby of it, made on first use from a base backup of this one
    /// (<c>pg_basebackup -R</c>) and streaming from it since; answers the multi-host connection
    /// string that names both, this one first.
    /// </summary>
    public string EnsureStandby()
    {
        EnsureRunning();
        var standby = Standby;
        Directory.CreateDirectory(standby.Folder);
        using (standby.Lock())
        {
            if (!standby.IsCreated) standby.CopyFrom(this);
            if (!standby.IsRunning) standby.Start();
        }

        return WithStandbyConnectionString();
    }

    /// <summary>The multi-host connection string that names this server and its standby, this one first.</summary>
    public string WithStandbyConnectionString()
    {
        var hosts = new NpgsqlConnectionStringBuilder(ConnectionString(Database));
        hosts.Host = $"127.0.0.1:{hosts.Port},127.0.0.1:{Standby.Port}";
        hosts.Remove("Port");
        return hosts.ConnectionString;
    }

    /// <summary>Makes this server, a standby until now, a primary (<c>pg_ctl promote</c>): the failover a cluster manager would make.</summary>
    public void Promote() => Run(PgCtl, ["promote", "-D", DataFolder, "-w"]);

    /// <summary>Whether this server is a standby (it recovers from a primary's WAL) rather than a primary.</summary>
    public bool IsStandby => File.Exists(Path.Combine(DataFolder, "standby.signal"));

    private int Port => int.Parse(File.ReadAllText(PortFile));

    private void CopyFrom(LocalPostgres primary)
    {
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
        File.Copy(primary.PasswordFile, PasswordFile, overwrite: true);
        if (AsRoot && !OperatingSystem.IsWindows()) Run("chown", ["postgres", Folder]);
        // The password goes by the environment, not the command line; -R writes it into the standby's
        // primary_conninfo, which the postgres account alone can read.
        Run(Binary("pg_basebackup"),
            ["-h", "127.0.0.1", "-p", primary.Port.ToString(), "-U", User, "-D", DataFolder, "-R", "-X", "stream", "-c", "fast", "--no-password"],
            environment: new() { ["PGPASSWORD"] = File.ReadAllText(PasswordFile).Trim(), ["PGAPPNAME"] = "ledger-standby" });
        File.WriteAllText(PortFile, FreePort().ToString());
    }

    /// <summary>Stops the server and deletes its folder: for throwaway servers such as the tests'.</summary>
    public void Destroy()
    {
        if (IsCreated) Run(PgCtl, ["stop", "-D", DataFolder, "-m", "immediate", "-w"], check: false);
        Directory.Delete(Folder, recursive: true);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Password = File.ReadAllText(PasswordFile).Trim(),
        Database = database,
    }.ConnectionString;

    private void Create()
    {
        var initdb = Binary("initdb");
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
        Directory.CreateDirectory(DataFolder);
        File.WriteAllText(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // initdb reads the password from a file the server's account can read; it is gone right after.
        var passwordForInitdb = Path.Combine(DataFolder, "..", $"initdb-{Environment.ProcessId}.pw");
        File.Copy(PasswordFile, passwordForInitdb, overwrite: true);
        try
        {
            if (AsRoot && !OperatingSystem.IsWindows())
            {
                Run("chown", ["postgres", Folder, DataFolder, passwordForInitdb]);
                File.SetUnixFileMode(Folder,
                    UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                if (Run("test", ["-w", DataFolder], check: false).ExitCode != 0)
                    throw new LocalPostgresUnavailable(
                        $"PostgreSQL runs as the postgres account, which cannot reach {Folder}: a folder above it is closed to other users. " +
                        "Set LEDGER_DATA_DIR to a folder it can reach (the default for root is /var/lib/ledger/postgres), " +
                        "or open the folders above to it (chmod o+x).");
            }

            Run(initdb, ["-D", DataFolder, "-U", User, "--pwfile", passwordForInitdb, "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C"]);
        }
        finally
        {
            File.Delete(passwordForInitdb);
        }

        File.WriteAllText(PortFile, FreePort().ToString());
        Start();
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var create = new NpgsqlCommand($"create database {Database}", connection);
        create.ExecuteNonQuery();
    }

    private void Start(bool onItsPort = false)
    {
        if (File.Exists(PortFile) && !IsFree(Port))
        {
            if (onItsPort)
                throw new LocalPostgresUnavailable($"the ledger's PostgreSQL in {Folder} cannot start again on its port {Port}: another process holds it");
            File.Delete(PortFile);
        }

        if (!File.Exists(PortFile)) File.WriteAllText(PortFile, FreePort().ToString());
        var (exitCode, output) = Run(PgCtl, ["start", "-D", DataFolder, "-w", "-t", "60", "-l", LogFile,
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"], check: false);
        // The reason (a full disk, a damaged folder) is in the server's log, not in pg_ctl's words.
        if (exitCode != 0)
            throw new LocalPostgresUnavailable($"the ledger's PostgreSQL in {DataFolder} did not start (pg_ctl: " +
                $"{string.Join(' ', output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}); its log is {LogFile}");
    }

    private string PgCtl => Binary("pg_ctl");

    /// <summary>Only in <c>LEDGER_PG_BIN</c> when set; else the newest /usr/lib/postgresql/*/bin, then the PATH.</summary>
    private static string Binary(string name)
    {
        IEnumerable<string> folders = Environment.GetEnvironmentVariable("LEDGER_PG_BIN") is { Length: > 0 } configured
            ? [configured]
            :
            [
                ..Directory.Exists("/usr/lib/postgresql")
                    ? Directory.GetDirectories("/usr/lib/postgresql")
                        .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                        .Select(d => Path.Combine(d, "bin"))
                    : [],
                ..(Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries),
            ];

        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists)
               ?? throw new LocalPostgresUnavailable(
                   $"PostgreSQL server binaries ({name}) were not found in /usr/lib/postgresql/*/bin, LEDGER_PG_BIN or the PATH. " +
                   "Install PostgreSQL, or start the database in docker-compose.yml with 'docker compose up -d' " +
                   "and set LEDGER_CONNECTION as the README shows.");
    }

    private static (int ExitCode, string Output) Run(string file, string[] arguments, bool check = true, Dictionary<string, string>? environment = null)
    {
        var start = AsRoot && file != "chown"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments])
            : new ProcessStartInfo(file, arguments);
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var text = output.Result + error.Result;
        if (check && process.ExitCode != 0)
            throw new LocalPostgresUnavailable($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {text.Trim()}");
        return (process.ExitCode, text);
    }

    private FileStream Lock()
    {
        var path = Path.Combine(Folder, ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 1200)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether nothing listens on this loopback port, so a server of the ledger's (or a test's cluster) may take it.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

public sealed class LocalPostgresUnavailable(string message) : Exception(message);
