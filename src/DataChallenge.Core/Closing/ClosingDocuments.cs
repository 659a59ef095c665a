namespace DataChallenge.Core.Closing;

/// <summary>What a candidate team hands in, with the limits and formats each accepts.</summary>
public sealed record ClosingDocument(string Name, long MaxBytes, IReadOnlyList<string> Extensions)
{
    public static readonly ClosingDocument FactSheet = new("fact-sheet", 10L * 1024 * 1024, [".pdf", ".md"]);
    public static readonly ClosingDocument Code = new("code", 200L * 1024 * 1024, [".zip"]);

    public static ClosingDocument? Named(string name) => name == FactSheet.Name ? FactSheet : name == Code.Name ? Code : null;

    public bool Accepts(string fileName) => Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>Keys live in the private submissions bucket, one folder per candidate.</summary>
    public string KeyOf(WinnerCandidate candidate) => $"closing/{candidate.PhaseId:N}/{candidate.TeamId:N}/{Name}";
}
