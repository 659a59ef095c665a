using System.Diagnostics;
using System.Globalization;

namespace DataChallenge.Spine.Bench;

/// <summary>
/// Fixed-rate board reads from a process of their own, as readers elsewhere on the internet would be: inside the process
/// that holds ten thousand live viewers, a read's answer would wait behind the viewers' receives in the same thread pool,
/// and the figure would measure the load generator. The child reads until its standard input closes, then writes every
/// latency to a file.
/// </summary>
public static class ReaderProcess
{
    public const string PathOption = "read-path";

    public static async Task<FixedRateReads.Result> RunAsync(Uri server, string path, int rate, int connections, CancellationToken stop)
    {
        var results = Path.GetTempFileName();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { System.Reflection.Assembly.GetEntryAssembly()!.Location, "--server", server.ToString(), $"--{PathOption}", path,
                "--rate", rate.ToString(CultureInfo.InvariantCulture), "--connections", connections.ToString(CultureInfo.InvariantCulture), "--report", results },
            RedirectStandardInput = true, UseShellExecute = false,
        };
        using var child = Process.Start(start) ?? throw new InvalidOperationException("the reader process did not start");
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
        child.StandardInput.Close();
        await child.WaitForExitAsync(CancellationToken.None);
        if (child.ExitCode != 0) throw new InvalidOperationException($"the reader process ended with exit code {child.ExitCode}");
        var lines = await File.ReadAllLinesAsync(results, CancellationToken.None);
        File.Delete(results);
        var head = lines[0].Split(' ');
        var latencies = lines.Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture));
        return new FixedRateReads.Result(new Summary(latencies), new Summary([]), int.Parse(head[0], CultureInfo.InvariantCulture),
            double.Parse(head[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The child's side: reads at the rate until standard input closes, then writes errors, send rate and latencies.</summary>
    public static async Task<int> ServeAsync(Uri server, string path, int rate, int connections, string resultsFile)
    {
        using var readers = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = server, Timeout = FixedRateReads.RequestTimeout };
        using var stop = new CancellationTokenSource();
        var stdinClosed = Task.Run(async () =>
        {
            await Console.In.ReadToEndAsync();
            await stop.CancelAsync();
        });
        var result = await FixedRateReads.RunAsync(readers, path, rate, null, stop.Token);
        await stdinClosed;
        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{result.Errors} {result.SendRate}") };
        lines.AddRange(result.Latencies.Values.Select(l => l.ToString("R", CultureInfo.InvariantCulture)));
        await File.WriteAllLinesAsync(resultsFile, lines);
        return 0;
    }
}
