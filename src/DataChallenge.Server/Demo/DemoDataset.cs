using static DataChallenge.Server.Demo.CsvText;

namespace DataChallenge.Server.Demo;

/// <summary>
/// The demo challenge (30-day readmission risk on a synthetic OMOP extract), generated rather than shipped so that no real
/// patient data is ever involved and every install seeds the same challenge.
/// </summary>
internal static class DemoDataset
{
    public const string ScoringConfigJson =
        """{"task_type":"binary_proba","id_column":"visit_occurrence_id","label_columns":["readmitted_30d"],"prediction_columns":["readmitted_30d"],"metrics":["roc_auc","log_loss","average_precision","brier_score"],"primary_metric":"roc_auc","split_column":"Usage","group_column":"care_site"}""";

    /// <summary>Deterministic for a given seed: the same arguments give byte-identical files.</summary>
    public static DemoData Generate(int seed = 2026, int trainingVisits = 3000, int testVisits = 1500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainingVisits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(testVisits, 3);

        var rng = new Random(seed);
        var cohort = CohortSimulator.Simulate(rng, trainingVisits, testVisits);
        var training = cohort.Visits.Where(v => !v.IsTest).ToList();
        var test = cohort.Visits.Where(v => v.IsTest).ToList();

        var hidden = HiddenLabels(rng, test);
        var competitors = DemoCompetitors.Create(rng, test);

        var trainLabels = new CsvText("visit_occurrence_id", "readmitted_30d");
        foreach (var v in training)
            trainLabels.Row(Int(v.VisitOccurrenceId), Label(v));
        var testVisitIds = new CsvText("visit_occurrence_id");
        var sample = new CsvText("visit_occurrence_id", "readmitted_30d");
        foreach (var v in test)
        {
            testVisitIds.Row(Int(v.VisitOccurrenceId));
            sample.Row(Int(v.VisitOccurrenceId), "0.5");
        }

        DemoFile[] files =
        [
            new("README.md", "Data dictionary: the task, every file and column, and the concept ids used.", DemoReadme.Text(cohort, training.Count, test.Count)),
            new("person.csv", "OMOP person table: one row per patient.", OmopTables.Person(cohort)),
            new("visit_occurrence.csv", "OMOP visit_occurrence table: every inpatient index admission, training and test.", OmopTables.VisitOccurrence(cohort)),
            new("condition_occurrence.csv", "OMOP condition_occurrence table: diagnoses recorded at each admission.", OmopTables.ConditionOccurrence(cohort)),
            new("drug_exposure.csv", "OMOP drug_exposure table: drugs given during each admission (RxNorm ingredients).", OmopTables.DrugExposure(cohort)),
            new("care_site.csv", "OMOP care_site table: the five hospitals.", OmopTables.CareSite(cohort)),
            new("train_labels.csv", "Training labels: readmitted_30d (1 = readmitted within 30 days of discharge) per training admission.", trainLabels.ToString()),
            new("test_visits.csv", "The admissions to predict; their features are in the OMOP tables, their labels are hidden.", testVisitIds.ToString()),
            new("sample_submission.csv", "A valid submission predicting 0.5 for every test admission.", sample.ToString()),
        ];
        return new DemoData(files, hidden, ScoringConfigJson, competitors, DemoCodeData.From(cohort, seed));
    }

    private static string HiddenLabels(Random rng, List<DemoVisit> test)
    {
        // Exactly a third of the test admissions, drawn at random, feed the public board; the rest decide the final ranking.
        var order = test.Select(v => v.VisitOccurrenceId).ToArray();
        rng.Shuffle(order);
        var isPublic = order.Take((int)Math.Round(test.Count / 3.0)).ToHashSet();

        var csv = new CsvText("visit_occurrence_id", "readmitted_30d", "Usage", "care_site");
        foreach (var v in test)
            csv.Row(Int(v.VisitOccurrenceId), Label(v), isPublic.Contains(v.VisitOccurrenceId) ? "Public" : "Private", v.CareSite.Name);
        return csv.ToString();
    }

    private static string Label(DemoVisit visit) => visit.Readmitted ? "1" : "0";
}
