using System.Diagnostics;
using System.Globalization;

namespace DataChallenge.Spine.Bench;

/// <summary>
/// Fixed-rate board reads from a process of their own, as readers elsewhere on the internet would be: inside the process
/// that holds ten thousand live viewers, a read's answer would wait behind the viewers' receives in the same thread pool,
/// and the figure would measure the load generator. Reads ask for gzip, as browsers do. The child first reads for a
/// second unmeasured, so its own start (compiling its HTTP client, opening connections) is not counted as the server's
/// latency; then it reads until its standard input closes and writes every latency to a file.
/// </summary>
public sealed class ReaderProcess : IDisposable
{
    public const string PathOption = "read-path";

    private const string WarmLine = "warm";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    private readonly Process _child;
    private readonly string _results;

    private ReaderProcess(Process child, string results) => (_child, _results) = (child, results);

    /// <summary>Starts the child and returns once it has warmed up and reads at the rate.</summary>
    public static async Task<ReaderProcess> StartAsync(Uri server, string path, int rate, int connections, CancellationToken cancellationToken)
    {
        var results = Path.GetTempFileName();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { System.Reflection.Assembly.GetEntryAssembly()!.Location, "--server", server.ToString(), $"--{PathOption}", path,
                "--rate", rate.ToString(CultureInfo.InvariantCulture), "--connections", connections.ToString(CultureInfo.InvariantCulture), "--report", results },
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        var child = Process.Start(start) ?? throw new InvalidOperationException("the reader process did not start");
        var reader = new ReaderProcess(child, results);
        try
        {
            while (await child.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
                if (line == WarmLine) return reader;
            throw new InvalidOperationException($"the reader process ended before it was warm (exit code {(child.HasExited ? child.ExitCode : -1)})");
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Stops the reads and returns what the measured ones took.</summary>
    public async Task<FixedRateReads.Result> StopAsync()
    {
        _child.StandardInput.Close();
        await _child.WaitForExitAsync(CancellationToken.None);
        if (_child.ExitCode != 0) throw new InvalidOperationException($"the reader process ended with exit code {_child.ExitCode}");
        var lines = await File.ReadAllLinesAsync(_results, CancellationToken.None);
        var head = lines[0].Split(' ');
        var latencies = lines.Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture));
        return new FixedRateReads.Result(new Summary(latencies), new Summary([]), int.Parse(head[0], CultureInfo.InvariantCulture),
            double.Parse(head[1], CultureInfo.InvariantCulture), double.Parse(head[2], CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        if (!_child.HasExited) _child.Kill();
        _child.Dispose();
        File.Delete(_results);
    }

    /// <summary>The child's side: warms up, says so, reads at the rate until standard input closes, then writes errors, send rate and latencies.</summary>
    public static async Task<int> ServeAsync(Uri server, string path, int rate, int connections, string resultsFile)
    {
        using var readers = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = server, Timeout = FixedRateReads.RequestTimeout };
        // As a browser asks; the bytes are counted as sent, not unpacked, as a reader elsewhere would unpack them on its own cores.
        readers.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");
        await FixedRateReads.RunAsync(readers, path, rate, WarmUp, CancellationToken.None);
        Console.WriteLine(WarmLine);
        using var stop = new CancellationTokenSource();
        var stdinClosed = Task.Run(async () =>
        {
            await Console.In.ReadToEndAsync();
            await stop.CancelAsync();
        });
        var result = await FixedRateReads.RunAsync(readers, path, rate, null, stop.Token);
        await stdinClosed;
        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{result.Errors} {result.SendRate} {result.BytesPerRead}") };
        lines.AddRange(result.Latencies.Values.Select(l => l.ToString("R", CultureInfo.InvariantCulture)));
        await File.WriteAllLinesAsync(resultsFile, lines);
        return 0;
    }
}
