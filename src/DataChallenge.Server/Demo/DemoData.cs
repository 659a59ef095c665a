namespace DataChallenge.Server.Demo;

/// <summary>Everything the demo challenge is seeded from: what competitors download, what only the scorer sees, and who is already on the board.</summary>
internal sealed record DemoData(
    IReadOnlyList<DemoFile> PublicFiles,
    string HiddenLabelsCsv,
    string ScoringConfigJson,
    IReadOnlyList<DemoCompetitor> Competitors,
    DemoCodeData Code);

/// <summary>One downloadable file of the demo challenge.</summary>
internal sealed record DemoFile(string Name, string Description, string Content);

/// <summary>A demo team and its submissions (predictions CSVs), oldest first.</summary>
internal sealed record DemoCompetitor(string TeamName, string UserName, string Email, IReadOnlyList<string> PredictionsCsv);
