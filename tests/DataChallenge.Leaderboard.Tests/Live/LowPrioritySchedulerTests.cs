using DataChallenge.Leaderboard.Live;

namespace DataChallenge.Leaderboard.Tests.Live;

/// <summary>The live viewers' writers: threads the kernel runs only after work of normal priority.</summary>
public sealed class LowPrioritySchedulerTests
{
    [Fact]
    public async Task Tasks_AndWhatTheyAwait_RunAtTheLowerPriority()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("Nice values are Linux's.");
        using var scheduler = new LowPriorityScheduler(threads: 1, "test writes");

        var (before, after) = await Task.Factory.StartNew(async () =>
        {
            var first = ThreadNiceness();
            // A continuation resumes on the current scheduler, as a viewer's loop does after each write.
            await Task.Yield();
            return (first, ThreadNiceness());
        }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap();

        Assert.Equal((LowPriorityScheduler.Niceness, LowPriorityScheduler.Niceness), (before, after));
        Assert.NotEqual(LowPriorityScheduler.Niceness, ThreadNiceness());
    }

    // Field 19 of the thread's stat line, counted after the command name in parentheses.
    private static int ThreadNiceness() => int.Parse(File.ReadAllText("/proc/thread-self/stat").Split(')')[^1].Split(' ')[17]);
}
