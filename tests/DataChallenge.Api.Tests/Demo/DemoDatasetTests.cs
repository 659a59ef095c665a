using System.Globalization;
using System.Text.Json;
using DataChallenge.Server.Demo;

namespace DataChallenge.Api.Tests.Demo;

public sealed class DemoDatasetTests
{
    // Generating takes a fraction of a second, but one shared instance keeps the suite quick.
    private static readonly DemoData Data = DemoDataset.Generate();

    [Fact]
    public void Generate_ReturnsByteIdenticalData_WhenSeedIsTheSame()
    {
        var again = DemoDataset.Generate();

        Assert.Equal(Data.PublicFiles, again.PublicFiles);
        Assert.Equal(Data.HiddenLabelsCsv, again.HiddenLabelsCsv);
        Assert.Equal(Data.ScoringConfigJson, again.ScoringConfigJson);
        Assert.Equal(Data.Competitors.Count, again.Competitors.Count);
        for (var i = 0; i < Data.Competitors.Count; i++)
        {
            Assert.Equal(Data.Competitors[i] with { PredictionsCsv = [] }, again.Competitors[i] with { PredictionsCsv = [] });
            Assert.Equal(Data.Competitors[i].PredictionsCsv, again.Competitors[i].PredictionsCsv);
        }
    }

    [Fact]
    public void Generate_ReturnsDifferentData_WhenSeedDiffers()
    {
        var other = DemoDataset.Generate(seed: 7);

        Assert.NotEqual(Data.HiddenLabelsCsv, other.HiddenLabelsCsv);
        Assert.NotEqual(File("visit_occurrence.csv"), File("visit_occurrence.csv", other));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 2)]
    public void Generate_Throws_WhenVisitCountsAreTooSmall(int trainingVisits, int testVisits) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoDataset.Generate(1, trainingVisits, testVisits));

    [Fact]
    public void Generate_HonoursVisitCounts_WhenCountsAreGiven()
    {
        var small = DemoDataset.Generate(seed: 3, trainingVisits: 200, testVisits: 90);

        Assert.Equal(290, Rows(File("visit_occurrence.csv", small)).Count);
        Assert.Equal(200, Rows(File("train_labels.csv", small)).Count);
        Assert.Equal(90, Rows(small.HiddenLabelsCsv).Count);
    }

    [Fact]
    public void PublicFiles_AreTheExpectedSet_WhenGenerated()
    {
        string[] expected =
        [
            "README.md", "person.csv", "visit_occurrence.csv", "condition_occurrence.csv", "drug_exposure.csv",
            "care_site.csv", "train_labels.csv", "test_visits.csv", "sample_submission.csv",
        ];
        Assert.Equal(expected.Order(), Data.PublicFiles.Select(f => f.Name).Order());
        Assert.All(Data.PublicFiles, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }

    [Fact]
    public void Csvs_UseLfInvariantFormatWithoutTrailingSpaces_WhenGenerated()
    {
        var csvs = Data.PublicFiles.Where(f => f.Name.EndsWith(".csv", StringComparison.Ordinal)).Select(f => f.Content)
            .Append(Data.HiddenLabelsCsv)
            .Concat(Data.Competitors.SelectMany(c => c.PredictionsCsv));
        foreach (var csv in csvs)
        {
            Assert.DoesNotContain('\r', csv);
            Assert.EndsWith("\n", csv, StringComparison.Ordinal);
            var lines = csv.TrimEnd('\n').Split('\n');
            var width = lines[0].Split(',').Length;
            Assert.All(lines, line => Assert.Equal(line.Trim(), line));
            Assert.All(lines, line => Assert.Equal(width, line.Split(',').Length));
        }
        var readme = File("README.md");
        Assert.DoesNotContain('\r', readme);
        Assert.All(readme.Split('\n'), line => Assert.Equal(line.TrimEnd(), line));
    }

    [Fact]
    public void VisitDates_AreIsoDatesIn2023To2025_WhenGenerated()
    {
        foreach (var visit in Rows(File("visit_occurrence.csv")))
        {
            var start = DateOnly.ParseExact(visit["visit_start_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var end = DateOnly.ParseExact(visit["visit_end_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(start, new DateOnly(2023, 1, 1), end);
            Assert.InRange(end, start, new DateOnly(2025, 12, 31));
        }
    }

    [Fact]
    public void Tables_AreReferentiallyIntact_WhenGenerated()
    {
        var personIds = Rows(File("person.csv")).Select(p => p["person_id"]).ToList();
        var persons = personIds.ToHashSet();
        var careSites = Rows(File("care_site.csv")).Select(c => c["care_site_id"]).ToHashSet();
        var visits = Rows(File("visit_occurrence.csv"));
        var visitPerson = visits.ToDictionary(v => v["visit_occurrence_id"], v => v["person_id"]);

        Assert.Equal(personIds.Count, persons.Count);
        Assert.Equal(5, careSites.Count);
        Assert.All(visits, v => Assert.Contains(v["person_id"], persons));
        Assert.All(visits, v => Assert.Contains(v["care_site_id"], careSites));
        Assert.Contains(visits.GroupBy(v => v["person_id"]), g => g.Count() > 1);
        foreach (var table in new[] { "condition_occurrence.csv", "drug_exposure.csv" })
        {
            var rows = Rows(File(table));
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(visitPerson[r["visit_occurrence_id"]], r["person_id"]));
        }
    }

    [Fact]
    public void LabelFiles_PartitionTheVisits_WhenGenerated()
    {
        var visitIds = Rows(File("visit_occurrence.csv")).Select(v => v["visit_occurrence_id"]).ToList();
        var trainIds = Rows(File("train_labels.csv")).Select(r => r["visit_occurrence_id"]).ToList();
        var testIds = Rows(File("test_visits.csv")).Select(r => r["visit_occurrence_id"]).ToList();
        var hiddenIds = Rows(Data.HiddenLabelsCsv).Select(r => r["visit_occurrence_id"]).ToList();
        var sample = Rows(File("sample_submission.csv"));

        Assert.Equal(3000, trainIds.Count);
        Assert.Equal(1500, testIds.Count);
        Assert.Empty(trainIds.Intersect(testIds));
        Assert.Equal(visitIds.Order(), trainIds.Concat(testIds).Order());
        Assert.Equal(testIds, hiddenIds);
        Assert.Equal(testIds, sample.Select(r => r["visit_occurrence_id"]));
        Assert.All(sample, r => Assert.Equal("0.5", r["readmitted_30d"]));
    }

    [Fact]
    public void HiddenLabels_SplitAboutOneThirdPublic_WhenGenerated()
    {
        var hidden = Rows(Data.HiddenLabelsCsv);
        var careSiteNames = Rows(File("care_site.csv")).Select(c => c["care_site_name"]).ToHashSet();

        Assert.All(hidden, r => Assert.Contains(r["Usage"], new[] { "Public", "Private" }));
        Assert.InRange(hidden.Count(r => r["Usage"] == "Public") / (double)hidden.Count, 0.31, 0.36);
        Assert.All(hidden, r => Assert.Contains(r["care_site"], careSiteNames));
        Assert.Equal(5, hidden.Select(r => r["care_site"]).Distinct().Count());
    }

    [Fact]
    public void Labels_HaveBaseRateNearFifteenPercent_WhenGenerated()
    {
        var train = Rows(File("train_labels.csv")).Select(r => r["readmitted_30d"]).ToList();
        var hidden = Rows(Data.HiddenLabelsCsv).Select(r => r["readmitted_30d"]).ToList();

        Assert.All(train.Concat(hidden), label => Assert.Contains(label, new[] { "0", "1" }));
        Assert.InRange(train.Count(l => l == "1") / (double)train.Count, 0.11, 0.19);
        Assert.InRange(hidden.Count(l => l == "1") / (double)hidden.Count, 0.11, 0.19);
    }

    [Fact]
    public void TestVisitIds_DoNotRevealLabels_WhenUsedAsPredictions()
    {
        var hidden = Rows(Data.HiddenLabelsCsv);
        var auc = Auc(hidden.Select(r => (double)long.Parse(r["visit_occurrence_id"], CultureInfo.InvariantCulture)).ToList(),
            hidden.Select(r => r["readmitted_30d"] == "1").ToList());

        Assert.InRange(auc, 0.44, 0.56);
    }

    [Fact]
    public void TrainingLabels_FollowChronicConditions_WhenHeartFailureIsRecorded()
    {
        // The label must be learnable from the public tables: heart failure is one of the model's strongest features.
        var heartFailureVisits = Rows(File("condition_occurrence.csv"))
            .Where(c => c["condition_concept_id"] == "316139")
            .Select(c => c["visit_occurrence_id"])
            .ToHashSet();
        var train = Rows(File("train_labels.csv"));
        double Rate(IEnumerable<Dictionary<string, string>> rows) => rows.Average(r => r["readmitted_30d"] == "1" ? 1.0 : 0.0);

        var withHeartFailure = Rate(train.Where(r => heartFailureVisits.Contains(r["visit_occurrence_id"])));
        var without = Rate(train.Where(r => !heartFailureVisits.Contains(r["visit_occurrence_id"])));

        Assert.True(withHeartFailure > without * 1.5, $"heart failure {withHeartFailure:F3} vs {without:F3}");
    }

    [Fact]
    public void Predictions_CoverExactlyTheHiddenIdsInShuffledOrder_WhenParsed()
    {
        var hiddenIds = Rows(Data.HiddenLabelsCsv).Select(r => r["visit_occurrence_id"]).ToList();

        Assert.Equal(4, Data.Competitors.Count);
        Assert.All(Data.Competitors, c => Assert.InRange(c.PredictionsCsv.Count, 1, 3));
        foreach (var csv in Data.Competitors.SelectMany(c => c.PredictionsCsv))
        {
            Assert.StartsWith("visit_occurrence_id,readmitted_30d\n", csv, StringComparison.Ordinal);
            var rows = Rows(csv);
            var ids = rows.Select(r => r["visit_occurrence_id"]).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(hiddenIds.Order(), ids.Order());
            Assert.NotEqual(hiddenIds, ids);
            Assert.All(rows, r => Assert.InRange(double.Parse(r["readmitted_30d"], CultureInfo.InvariantCulture), 0, 1));
        }
    }

    [Fact]
    public void CompetitorAucs_AreDistinctIncreasingAndPlausible_WhenScoredAgainstHiddenLabels()
    {
        var labels = Rows(Data.HiddenLabelsCsv).ToDictionary(r => r["visit_occurrence_id"], r => r["readmitted_30d"] == "1");
        var aucs = new List<double>();
        foreach (var competitor in Data.Competitors)
        {
            var teamAucs = competitor.PredictionsCsv.Select(csv =>
            {
                var rows = Rows(csv);
                return Auc(rows.Select(r => double.Parse(r["readmitted_30d"], CultureInfo.InvariantCulture)).ToList(),
                    rows.Select(r => labels[r["visit_occurrence_id"]]).ToList());
            }).ToList();
            var summary = $"{competitor.TeamName}: {string.Join(", ", teamAucs.Select(a => a.ToString("F3", CultureInfo.InvariantCulture)))}";

            Assert.All(teamAucs, auc => Assert.True(auc is > 0.55 and < 0.9, summary));
            for (var i = 1; i < teamAucs.Count; i++)
                Assert.True(teamAucs[i] > teamAucs[i - 1], summary);
            aucs.AddRange(teamAucs);
        }

        var best = Data.Competitors.Select((c, i) => aucs.Skip(Data.Competitors.Take(i).Sum(x => x.PredictionsCsv.Count)).Take(c.PredictionsCsv.Count).Max()).ToList();
        Assert.Equal(best.Count, best.Select(a => Math.Round(a, 3)).Distinct().Count());
        Assert.Equal(aucs.Count, aucs.Distinct().Count());
    }

    [Fact]
    public void ScoringConfigJson_HasExactlyTheAgreedKeys_WhenParsed()
    {
        using var json = JsonDocument.Parse(Data.ScoringConfigJson);
        var root = json.RootElement;

        Assert.Equal(
            ["task_type", "id_column", "label_columns", "prediction_columns", "metrics", "primary_metric", "split_column", "group_column"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("binary_proba", root.GetProperty("task_type").GetString());
        Assert.Equal("visit_occurrence_id", root.GetProperty("id_column").GetString());
        Assert.Equal("roc_auc", root.GetProperty("primary_metric").GetString());
        Assert.Equal("Usage", root.GetProperty("split_column").GetString());
        Assert.Equal("care_site", root.GetProperty("group_column").GetString());
        Assert.Equal(["roc_auc", "log_loss", "average_precision", "brier_score"],
            root.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Auc_MatchesHandComputedValue_WhenScoresTie()
    {
        // Positives 0.8 and 0.4, negatives 0.4 and 0.1: pairs won 1 + 1 + 0.5 (tie) + 1 = 3.5 of 4.
        Assert.Equal(0.875, Auc([0.8, 0.4, 0.4, 0.1], [true, true, false, false]), 12);
    }

    private static string File(string name, DemoData? data = null) =>
        (data ?? Data).PublicFiles.Single(f => f.Name == name).Content;

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(line => header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }

    /// <summary>Mann–Whitney ROC AUC: the share of (positive, negative) pairs ranked correctly, ties counting half.</summary>
    private static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var rankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
                end++;
            var averageRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                if (positive[order[k]])
                    rankSum += averageRank;
            }
            start = end + 1;
        }
        double positives = positive.Count(p => p);
        var negatives = positive.Count - positives;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
