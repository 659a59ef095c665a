namespace DataChallenge.Server.Demo;

/// <summary>A hospital of the demo network; <paramref name="RiskOffset"/> is its share of readmission risk that the tables do not explain.</summary>
internal sealed record DemoCareSite(int CareSiteId, string Name, double RiskOffset);

internal sealed record DemoPerson(
    long PersonId,
    int GenderConceptId,
    int YearOfBirth,
    int MonthOfBirth,
    int RaceConceptId,
    int EthnicityConceptId,
    DemoCareSite CareSite,
    IReadOnlySet<int> ChronicConditions);

/// <summary>An index admission: its public facts, the true readmission risk behind its label, and the label itself.</summary>
internal sealed record DemoVisit(
    long VisitOccurrenceId,
    DemoPerson Person,
    DateOnly Start,
    DateOnly End,
    DemoCareSite CareSite,
    int DischargedToConceptId,
    IReadOnlyList<int> Conditions,
    IReadOnlyList<int> Drugs,
    double RiskLogit,
    bool Readmitted,
    bool IsTest);

internal sealed record DemoCohort(IReadOnlyList<DemoCareSite> CareSites, IReadOnlyList<DemoPerson> Persons, IReadOnlyList<DemoVisit> Visits);
