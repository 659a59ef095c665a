namespace DataChallenge.Server.Demo;

/// <summary>Standard OMOP vocabulary concept ids used by the demo extract (SNOMED conditions, RxNorm ingredients).</summary>
internal static class OmopConcepts
{
    public const int Male = 8507;
    public const int Female = 8532;

    public const int RaceWhite = 8527;
    public const int RaceBlack = 8516;
    public const int RaceAsian = 8515;
    public const int NoMatchingConcept = 0;

    public const int Hispanic = 38003563;
    public const int NotHispanic = 38003564;

    public const int InpatientVisit = 9201;
    public const int Ehr = 32817;
    public const int InpatientHospital = 8717;

    public const int DischargedHome = 8536;
    public const int DischargedSkilledNursing = 8863;

    public const int HeartFailure = 316139;
    public const int Type2Diabetes = 201826;
    public const int Copd = 255573;
    public const int ChronicKidneyDisease = 46271022;
    public const int Pneumonia = 255848;
    public const int Hypertension = 320128;
    public const int AtrialFibrillation = 313217;

    public const int Furosemide = 956874;
    public const int Metformin = 1503297;
    public const int Insulin = 1596977;
    public const int Warfarin = 1310149;
    public const int Apixaban = 43013024;
    public const int Lisinopril = 1308216;
    public const int Albuterol = 1154343;
    public const int Amoxicillin = 1713332;
    public const int Atorvastatin = 1545958;

    public static string ConditionName(int conceptId) => conceptId switch
    {
        HeartFailure => "Heart failure",
        Type2Diabetes => "Type 2 diabetes mellitus",
        Copd => "Chronic obstructive lung disease",
        ChronicKidneyDisease => "Chronic kidney disease",
        Pneumonia => "Pneumonia",
        Hypertension => "Essential hypertension",
        AtrialFibrillation => "Atrial fibrillation",
        _ => throw new ArgumentOutOfRangeException(nameof(conceptId), conceptId, "Not a demo condition."),
    };

    public static string DrugName(int conceptId) => conceptId switch
    {
        Furosemide => "furosemide",
        Metformin => "metformin",
        Insulin => "insulin, regular, human",
        Warfarin => "warfarin",
        Apixaban => "apixaban",
        Lisinopril => "lisinopril",
        Albuterol => "albuterol (salbutamol)",
        Amoxicillin => "amoxicillin",
        Atorvastatin => "atorvastatin",
        _ => throw new ArgumentOutOfRangeException(nameof(conceptId), conceptId, "Not a demo drug."),
    };
}
