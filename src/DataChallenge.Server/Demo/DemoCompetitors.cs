namespace DataChallenge.Server.Demo;

/// <summary>
/// Demo teams whose predictions are the true risk seen through noise. Each team keeps one error pattern and shrinks it
/// from one submission to the next, which is how a real team's later models improve on its earlier ones.
/// </summary>
internal static class DemoCompetitors
{
    private sealed record Team(string TeamName, string UserName, string Email, double[] NoiseLevels);

    // Noise on the logit scale; larger means a lower ROC AUC. Chosen so every submission lands between ~0.60 and ~0.80.
    private static readonly Team[] Teams =
    [
        new("Baseline (logistic)", "baseline", "baseline@demo.example.org", [2.0]),
        new("Northern Lights", "aurora.nilsen", "aurora.nilsen@demo.example.org", [3.0, 1.6]),
        new("Team Hippocrates", "hippocrates.kos", "hippocrates.kos@demo.example.org", [3.5, 2.4, 1.2]),
        new("Random Forest Gump", "forest.gump", "forest.gump@demo.example.org", [4.2, 2.8]),
    ];

    // Fresh noise per submission, small beside the gaps between a team's noise levels.
    private const double SubmissionNoise = 0.25;

    public static IReadOnlyList<DemoCompetitor> Create(Random rng, IReadOnlyList<DemoVisit> testVisits)
    {
        var meanLogit = testVisits.Average(v => v.RiskLogit);
        var competitors = new List<DemoCompetitor>(Teams.Length);
        foreach (var team in Teams)
        {
            var teamError = testVisits.Select(_ => Gaussian(rng)).ToArray();
            var submissions = new List<string>(team.NoiseLevels.Length);
            foreach (var noise in team.NoiseLevels)
            {
                // Shrinking towards the mean keeps a noisy model's probabilities roughly calibrated, as a fitted model's would be.
                var shrink = 1 / Math.Sqrt(1 + noise * noise);
                var predictions = testVisits
                    .Select((v, i) => (v.VisitOccurrenceId, Risk: CohortSimulator.Sigmoid(
                        meanLogit + shrink * (v.RiskLogit - meanLogit + noise * teamError[i] + SubmissionNoise * Gaussian(rng)))))
                    .ToArray();
                rng.Shuffle(predictions);
                var csv = new CsvText("visit_occurrence_id", "readmitted_30d");
                foreach (var (id, risk) in predictions)
                    csv.Row(CsvText.Int(id), CsvText.Probability(risk));
                submissions.Add(csv.ToString());
            }
            competitors.Add(new DemoCompetitor(team.TeamName, team.UserName, team.Email, submissions));
        }
        return competitors;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
