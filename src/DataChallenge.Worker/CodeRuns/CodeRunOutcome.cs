using DataChallenge.Contracts;

namespace DataChallenge.Worker.CodeRuns;

/// <summary>What one code run came to; the consumer turns it into its messages from one place.</summary>
public abstract record CodeRunOutcome
{
    private CodeRunOutcome()
    {
    }

    /// <summary>
    /// The program ran. <paramref name="WroteFile"/> when it exited normally and its predictions are stored;
    /// <paramref name="Summary"/> is the competitor's to read and never quotes the program's output.
    /// </summary>
    public sealed record Ran(bool WroteFile, string Summary, CodeRunProvenance Provenance) : CodeRunOutcome;

    /// <summary>The archive cannot run (unsafe, no entry point): the competitor's to fix; nothing ran.</summary>
    public sealed record Rejected(string Reason) : CodeRunOutcome;

    /// <summary>The platform could not run it (no sandbox, unknown runtime, bad inputs): for organisers and operators.</summary>
    public sealed record Failed(string Reason) : CodeRunOutcome;
}
