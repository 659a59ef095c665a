namespace DataChallenge.Server.Demo;

/// <summary>
/// What the demo's code phase runs on: the OMOP tables of the test admissions (hidden inputs, never downloadable) and a
/// few synthetic patients of the same shape (public smoke data), each as the zip an organiser would upload.
/// </summary>
internal sealed record DemoCodeData(byte[] HiddenInputsZip, byte[] SmokeDataZip, byte[] StartingKitZip)
{
    private const int SmokeVisits = 12;

    public static DemoCodeData From(DemoCohort cohort, int seed)
    {
        var smokeCohort = CohortSimulator.Simulate(new Random(seed + 1), trainingVisits: 1, testVisits: SmokeVisits);
        return new DemoCodeData(Tables(TestOnly(cohort)), Tables(TestOnly(smokeCohort)), DemoStartingKit.Zip());
    }

    // Only the admissions to predict and their patients: training rows stay in the public download.
    private static DemoCohort TestOnly(DemoCohort cohort)
    {
        var visits = cohort.Visits.Where(v => v.IsTest).ToList();
        var persons = visits.Select(v => v.Person).Distinct().ToList();
        return new DemoCohort(cohort.CareSites, persons, visits);
    }

    private static byte[] Tables(DemoCohort cohort) => DemoZip.Of(
    [
        ("person.csv", OmopTables.Person(cohort)),
        ("visit_occurrence.csv", OmopTables.VisitOccurrence(cohort)),
        ("condition_occurrence.csv", OmopTables.ConditionOccurrence(cohort)),
        ("drug_exposure.csv", OmopTables.DrugExposure(cohort)),
        ("care_site.csv", OmopTables.CareSite(cohort)),
    ]);
}
