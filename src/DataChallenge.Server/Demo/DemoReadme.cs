using System.Globalization;
using System.Text;

namespace DataChallenge.Server.Demo;

/// <summary>The data dictionary shipped with the demo challenge.</summary>
internal static class DemoReadme
{
    private static readonly int[] Conditions =
    [
        OmopConcepts.HeartFailure, OmopConcepts.Type2Diabetes, OmopConcepts.Copd, OmopConcepts.ChronicKidneyDisease,
        OmopConcepts.Pneumonia, OmopConcepts.Hypertension, OmopConcepts.AtrialFibrillation,
    ];

    private static readonly int[] Drugs =
    [
        OmopConcepts.Furosemide, OmopConcepts.Metformin, OmopConcepts.Insulin, OmopConcepts.Warfarin, OmopConcepts.Apixaban,
        OmopConcepts.Lisinopril, OmopConcepts.Albuterol, OmopConcepts.Amoxicillin, OmopConcepts.Atorvastatin,
    ];

    public static string Text(DemoCohort cohort, int trainingCount, int testCount)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # Demo challenge: 30-day hospital readmission

            Predict, for each inpatient admission in `test_visits.csv`, the probability that the patient is readmitted
            to hospital within 30 days of discharge. Submissions are ranked by ROC AUC; log loss, average precision and
            the Brier score are shown alongside. A third of the test admissions feed the public leaderboard, the other
            two thirds the final ranking, which stays hidden until the phase closes.

            The data are entirely synthetic: {cohort.Persons.Count} simulated patients with {trainingCount} training
            and {testCount} test admissions between 2023 and 2025 at {cohort.CareSites.Count} fictional hospitals.
            No real person is described. The tables follow the OMOP Common Data Model v5.4 (a subset of each table's
            columns, with the standard names and standard concept ids), so code written here carries over to real
            OMOP databases. About 15 % of admissions are followed by a readmission.

            ## Files

            | File | Contents |
            |---|---|
            | `person.csv` | one row per patient |
            | `visit_occurrence.csv` | every index admission, training and test alike |
            | `condition_occurrence.csv` | diagnoses recorded during each admission |
            | `drug_exposure.csv` | drugs given during each admission |
            | `care_site.csv` | the hospitals |
            | `train_labels.csv` | `visit_occurrence_id,readmitted_30d` for the training admissions |
            | `test_visits.csv` | `visit_occurrence_id` of the admissions to predict |
            | `sample_submission.csv` | the submission format, predicting 0.5 everywhere |

            Readmissions themselves are not in the extract, since they would reveal the label: every admission listed is
            an index admission, and a patient's next listed admission starts more than 30 days after the previous
            discharge. Earlier admissions of the same patient are fair features.

            ## Columns

            - `person`: `person_id`, `gender_concept_id` (8507 male, 8532 female), `year_of_birth`, `month_of_birth`,
              `race_concept_id` (8527 White, 8516 Black or African American, 8515 Asian, 0 unknown),
              `ethnicity_concept_id` (38003563 Hispanic or Latino, 38003564 not Hispanic or Latino), `care_site_id`
              (the patient's usual hospital).
            - `visit_occurrence`: `visit_occurrence_id`, `person_id`, `visit_concept_id` (9201 inpatient visit),
              `visit_start_date`, `visit_end_date` (the discharge date), `visit_type_concept_id` (32817 EHR),
              `care_site_id`, `discharged_to_concept_id` (8536 home, 8863 skilled nursing facility).
            - `condition_occurrence`: `condition_occurrence_id`, `person_id`, `condition_concept_id`,
              `condition_start_date`, `condition_type_concept_id` (32817 EHR), `visit_occurrence_id`. The first
              condition of an admission is its principal diagnosis; the others are the patient's known chronic conditions.
            - `drug_exposure`: `drug_exposure_id`, `person_id`, `drug_concept_id`, `drug_exposure_start_date`,
              `drug_exposure_end_date`, `drug_type_concept_id` (32817 EHR), `visit_occurrence_id`.
            - `care_site`: `care_site_id`, `care_site_name`, `place_of_service_concept_id` (8717 inpatient hospital).

            Dates are ISO `yyyy-MM-dd`. All files are UTF-8 CSV with a header row.

            ## Concepts

            | condition_concept_id | SNOMED-mapped standard concept |
            |---|---|

            """);
        foreach (var concept in Conditions)
            text.Append(CultureInfo.InvariantCulture, $"| {concept} | {OmopConcepts.ConditionName(concept)} |\n");
        text.Append("\n| drug_concept_id | RxNorm ingredient |\n|---|---|\n");
        foreach (var concept in Drugs)
            text.Append(CultureInfo.InvariantCulture, $"| {concept} | {OmopConcepts.DrugName(concept)} |\n");
        text.Append("""

            ## Submitting

            Upload a CSV with the header `visit_occurrence_id,readmitted_30d` and one row per test admission, the second
            column a probability between 0 and 1.

            """);
        return text.ToString();
    }
}
