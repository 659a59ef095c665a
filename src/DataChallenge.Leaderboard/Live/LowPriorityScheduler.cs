using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace DataChallenge.Leaderboard.Live;

/// <summary>
/// Runs tasks on threads of its own at a lower operating-system priority. The live viewers' writes run here: a change
/// sent to ten thousand viewers then takes the cores only while nothing else wants them, and a board read arriving
/// meanwhile runs at once instead of waiting in the kernel's run queue until the fan-out is over.
/// </summary>
public sealed partial class LowPriorityScheduler : TaskScheduler, IDisposable
{
    /// <summary>The threads' nice value on Linux: against a thread of normal priority, one of these gets about a tenth of a core.</summary>
    public const int Niceness = 10;

    private const int PriorityOfProcessOrThread = 0;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    public LowPriorityScheduler(int threads, string name)
    {
        _threads = [.. Enumerable.Range(0, threads).Select(i => new Thread(Run) { IsBackground = true, Name = $"{name} {i + 1}" })];
        foreach (var thread in _threads) thread.Start();
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Only its own threads run a task inline: anywhere else, it would run at normal priority.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
        => _threads.Contains(Thread.CurrentThread) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    public void Dispose() => _queue.CompleteAdding();

    private void Run()
    {
        Lower();
        foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }

    private static void Lower()
    {
        // On Linux a thread's nice value is its own (setpriority with the thread's id); .NET's thread priority does nothing there.
        if (OperatingSystem.IsLinux()) SetPriority(PriorityOfProcessOrThread, GetThreadId(), Niceness);
        else Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
