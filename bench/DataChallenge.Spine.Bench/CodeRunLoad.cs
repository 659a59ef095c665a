using System.Diagnostics;

namespace DataChallenge.Spine.Bench;

/// <summary>
/// Keeps <c>backlog</c> code submissions of one team unfinished: tops them up as runs end, polling their states, until
/// disposed. More unfinished than the worker runs at once means the run-code queue is never empty.
/// </summary>
public sealed class CodeRunLoad : IAsyncDisposable
{
    private readonly SpineClient _coder;
    private readonly Guid _phaseId;
    private readonly byte[] _zip;
    private readonly int _backlog;
    private readonly Dictionary<Guid, long> _unfinished = [];
    private readonly List<double> _runSeconds = [];
    private readonly TaskCompletionSource _firstRunning = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();

    public CodeRunLoad(SpineClient coder, Guid phaseId, byte[] zip, int backlog)
    {
        (_coder, _phaseId, _zip, _backlog) = (coder, phaseId, zip, backlog);
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    public int Finished { get; private set; }
    public int NotFinished { get; private set; }
    public int FewestUnfinishedSeen { get; private set; } = int.MaxValue;
    public int MostUnfinishedSeen { get; private set; }
    public double MedianRunSeconds { get { lock (_gate) return new Summary(_runSeconds).Median; } }

    public Task FirstRunningAsync(TimeSpan timeout, CancellationToken cancellationToken) => _firstRunning.Task.WaitAsync(timeout, cancellationToken);

    /// <summary>Records how many runs are unfinished now, at the start of a measured upload.</summary>
    public void NoteUnfinished()
    {
        lock (_gate)
        {
            FewestUnfinishedSeen = Math.Min(FewestUnfinishedSeen, _unfinished.Count);
            MostUnfinishedSeen = Math.Max(MostUnfinishedSeen, _unfinished.Count);
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                int missing;
                lock (_gate) missing = _backlog - _unfinished.Count;
                for (var i = 0; i < missing; i++)
                {
                    var id = await _coder.SubmitCodeAsync(_phaseId, _zip, smoke: true, cancellationToken);
                    lock (_gate) _unfinished[id] = Stopwatch.GetTimestamp();
                }
                await Task.Delay(500, cancellationToken);
                Guid[] ids;
                lock (_gate) ids = [.. _unfinished.Keys];
                foreach (var id in ids) Follow(id, await _coder.SubmissionAsync(id, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _firstRunning.TrySetException(e);
            throw;
        }
    }

    private void Follow(Guid id, System.Text.Json.JsonElement submission)
    {
        var status = submission.GetProperty("status").GetString();
        if (status == "Running") _firstRunning.TrySetResult();
        if (submission.TryGetProperty("isFinished", out var finished) && !finished.GetBoolean()) return;
        lock (_gate)
        {
            if (status == "Finished")
            {
                Finished++;
                _runSeconds.Add(Stopwatch.GetElapsedTime(_unfinished[id]).TotalSeconds);
            }
            else NotFinished++;
            _unfinished.Remove(id);
        }
        // A run that ended another way still proves the queue moved; the report counts it apart.
        _firstRunning.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
