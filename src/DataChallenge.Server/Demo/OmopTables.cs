using static DataChallenge.Server.Demo.CsvText;

namespace DataChallenge.Server.Demo;

/// <summary>Writes the cohort as OMOP CDM v5.4 tables (a subset of the standard columns, standard names).</summary>
internal static class OmopTables
{
    private const long FirstConditionOccurrenceId = 7_000_001;
    private const long FirstDrugExposureId = 9_000_001;

    public static string CareSite(DemoCohort cohort)
    {
        var csv = new CsvText("care_site_id", "care_site_name", "place_of_service_concept_id");
        foreach (var site in cohort.CareSites)
            csv.Row(Int(site.CareSiteId), site.Name, Int(OmopConcepts.InpatientHospital));
        return csv.ToString();
    }

    public static string Person(DemoCohort cohort)
    {
        var csv = new CsvText("person_id", "gender_concept_id", "year_of_birth", "month_of_birth", "race_concept_id", "ethnicity_concept_id", "care_site_id");
        foreach (var p in cohort.Persons)
            csv.Row(Int(p.PersonId), Int(p.GenderConceptId), Int(p.YearOfBirth), Int(p.MonthOfBirth), Int(p.RaceConceptId), Int(p.EthnicityConceptId), Int(p.CareSite.CareSiteId));
        return csv.ToString();
    }

    public static string VisitOccurrence(DemoCohort cohort)
    {
        var csv = new CsvText("visit_occurrence_id", "person_id", "visit_concept_id", "visit_start_date", "visit_end_date", "visit_type_concept_id", "care_site_id", "discharged_to_concept_id");
        foreach (var v in cohort.Visits)
        {
            csv.Row(Int(v.VisitOccurrenceId), Int(v.Person.PersonId), Int(OmopConcepts.InpatientVisit), Date(v.Start), Date(v.End),
                Int(OmopConcepts.Ehr), Int(v.CareSite.CareSiteId), Int(v.DischargedToConceptId));
        }
        return csv.ToString();
    }

    public static string ConditionOccurrence(DemoCohort cohort)
    {
        var csv = new CsvText("condition_occurrence_id", "person_id", "condition_concept_id", "condition_start_date", "condition_type_concept_id", "visit_occurrence_id");
        var id = FirstConditionOccurrenceId;
        foreach (var v in cohort.Visits)
        {
            foreach (var condition in v.Conditions)
                csv.Row(Int(id++), Int(v.Person.PersonId), Int(condition), Date(v.Start), Int(OmopConcepts.Ehr), Int(v.VisitOccurrenceId));
        }
        return csv.ToString();
    }

    public static string DrugExposure(DemoCohort cohort)
    {
        var csv = new CsvText("drug_exposure_id", "person_id", "drug_concept_id", "drug_exposure_start_date", "drug_exposure_end_date", "drug_type_concept_id", "visit_occurrence_id");
        var id = FirstDrugExposureId;
        foreach (var v in cohort.Visits)
        {
            foreach (var drug in v.Drugs)
                csv.Row(Int(id++), Int(v.Person.PersonId), Int(drug), Date(v.Start), Date(v.End), Int(OmopConcepts.Ehr), Int(v.VisitOccurrenceId));
        }
        return csv.ToString();
    }
}
