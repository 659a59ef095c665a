using static DataChallenge.Server.Demo.OmopConcepts;

namespace DataChallenge.Server.Demo;

/// <summary>
/// Simulates patients, their index admissions and a 30-day readmission label drawn from a logistic model of what the
/// public tables show (age, length of stay, prior admissions, chronic conditions, drugs, discharge destination, hospital),
/// so the label is learnable from the training tables and nothing else.
/// </summary>
internal static class CohortSimulator
{
    public const double BaseRate = 0.15;

    private static readonly DateOnly WindowStart = new(2023, 1, 1);
    private const int WindowDays = 1095;

    // Readmissions themselves are left out of the extract (they would give the label away), so a person's next index
    // admission always starts more than 30 days after the previous discharge.
    private const int MinimumGapDays = 31;

    private static readonly DemoCareSite[] CareSites =
    [
        new(101, "Aldermoor General Hospital", -0.15),
        new(102, "Brackenridge University Hospital", 0.05),
        new(103, "Castlewick Community Hospital", 0.25),
        new(104, "Dunmere Regional Hospital", -0.05),
        new(105, "Eastholm Teaching Hospital", 0.10),
    ];

    private static readonly double[] CareSiteWeights = [0.30, 0.25, 0.20, 0.15, 0.10];

    public static DemoCohort Simulate(Random rng, int trainingVisits, int testVisits)
    {
        var total = trainingVisits + testVisits;
        var persons = new List<DemoPerson>();
        var drafts = new List<VisitDraft>(total);
        while (drafts.Count < total)
        {
            var person = NewPerson(rng, persons.Count + 1);
            persons.Add(person);
            drafts.AddRange(NewVisits(rng, person, Math.Min(VisitCount(rng), total - drafts.Count)));
        }

        var intercept = InterceptForBaseRate(drafts.Select(d => d.Linear).ToArray(), BaseRate);
        var readmitted = drafts.Select(d => rng.NextDouble() < Sigmoid(intercept + d.Linear)).ToArray();

        var isTest = new bool[total];
        var order = Enumerable.Range(0, total).ToArray();
        rng.Shuffle(order);
        foreach (var index in order.Take(testVisits))
            isTest[index] = true;

        // Ids follow admission dates, as a hospital's own numbering would; labels play no part in them.
        var chronological = Enumerable.Range(0, total)
            .OrderBy(i => drafts[i].Start)
            .ThenBy(i => drafts[i].Person.PersonId)
            .ToArray();
        var visits = new DemoVisit[total];
        for (var rank = 0; rank < total; rank++)
        {
            var i = chronological[rank];
            var d = drafts[i];
            visits[rank] = new DemoVisit(
                VisitOccurrenceId: 5_000_001 + rank,
                d.Person, d.Start, d.Start.AddDays(d.LengthOfStay), d.CareSite, d.DischargedTo,
                d.Conditions, d.Drugs, intercept + d.Linear, readmitted[i], isTest[i]);
        }

        return new DemoCohort(CareSites, persons, visits);
    }

    private static DemoPerson NewPerson(Random rng, long personId)
    {
        // Admitted patients skew old: the square root pushes ages towards the top of 18–95.
        var age = 18 + (int)(77 * Math.Sqrt(rng.NextDouble()));
        var frailty = 0.4 + 1.2 * (age - 18) / 77.0;
        var chronic = new HashSet<int>();
        AddIf(rng, chronic, Hypertension, 0.40 * frailty);
        AddIf(rng, chronic, Type2Diabetes, 0.22 * frailty);
        AddIf(rng, chronic, HeartFailure, 0.18 * frailty);
        AddIf(rng, chronic, Copd, 0.14 * frailty);
        AddIf(rng, chronic, AtrialFibrillation, 0.14 * frailty);
        var kidneyRisk = 0.12 * frailty + (chronic.Contains(Type2Diabetes) ? 0.10 : 0) + (chronic.Contains(Hypertension) ? 0.05 : 0);
        AddIf(rng, chronic, ChronicKidneyDisease, kidneyRisk);

        var race = rng.NextDouble() switch
        {
            < 0.70 => RaceWhite,
            < 0.82 => RaceBlack,
            < 0.90 => RaceAsian,
            _ => NoMatchingConcept,
        };
        return new DemoPerson(
            personId,
            rng.NextDouble() < 0.52 ? Male : Female,
            YearOfBirth: 2024 - age,
            MonthOfBirth: rng.Next(1, 13),
            race,
            rng.NextDouble() < 0.08 ? Hispanic : NotHispanic,
            CareSites[Pick(rng, CareSiteWeights)],
            chronic);
    }

    private static int VisitCount(Random rng) => rng.NextDouble() switch
    {
        < 0.55 => 1,
        < 0.80 => 2,
        < 0.92 => 3,
        _ => 4,
    };

    private static List<VisitDraft> NewVisits(Random rng, DemoPerson person, int count)
    {
        var principals = new int[count];
        var stays = new int[count];
        var gaps = new int[count];
        for (var k = 0; k < count; k++)
        {
            principals[k] = PrincipalCondition(rng, person);
            var meanStay = 3.0
                + (person.ChronicConditions.Contains(HeartFailure) ? 1.5 : 0)
                + (person.ChronicConditions.Contains(Copd) ? 1.0 : 0)
                + (principals[k] == Pneumonia ? 1.0 : 0);
            stays[k] = Math.Min(30, 1 + (int)(-meanStay * Math.Log(1 - rng.NextDouble())));
            gaps[k] = k == 0 ? 0 : MinimumGapDays + rng.Next(0, 180);
        }

        var span = stays.Sum() + gaps.Sum();
        var day = rng.Next(0, WindowDays - span);
        var drafts = new List<VisitDraft>(count);
        for (var k = 0; k < count; k++)
        {
            day += gaps[k];
            var start = WindowStart.AddDays(day);
            day += stays[k];
            var age = start.Year - person.YearOfBirth - (start.Month < person.MonthOfBirth ? 1 : 0);
            var careSite = rng.NextDouble() < 0.9 ? person.CareSite : CareSites[rng.Next(CareSites.Length)];
            var heartFailure = person.ChronicConditions.Contains(HeartFailure);
            var toNursing = rng.NextDouble() < Sigmoid(-3.0 + 0.07 * (age - 70) + 0.12 * (stays[k] - 4) + (heartFailure ? 0.5 : 0));
            var conditions = new List<int> { principals[k] };
            conditions.AddRange(person.ChronicConditions.Where(c => c != principals[k]).Order());
            var drugs = Drugs(rng, person.ChronicConditions, principals[k]);

            var linear = RiskLinear(person, principals[k], age, stays[k], priorVisits: k, drugs.Count, toNursing, careSite);
            drafts.Add(new VisitDraft(person, start, stays[k], careSite, toNursing ? DischargedSkilledNursing : DischargedHome, conditions, drugs, linear));
        }

        return drafts;
    }

    private static double RiskLinear(DemoPerson person, int principal, int age, int stay, int priorVisits, int drugCount, bool toNursing, DemoCareSite careSite)
    {
        var chronic = person.ChronicConditions;
        return 0.035 * (age - 70)
            + 0.12 * (Math.Min(stay, 21) - 4)
            + 0.55 * Math.Min(priorVisits, 3)
            + (chronic.Contains(HeartFailure) ? 0.85 : 0)
            + (chronic.Contains(Copd) ? 0.70 : 0)
            + (chronic.Contains(ChronicKidneyDisease) ? 0.75 : 0)
            + (principal == HeartFailure ? 0.35 : 0)
            + 0.15 * (drugCount - 3)
            + (toNursing ? 0.90 : 0)
            + careSite.RiskOffset;
    }

    private static int PrincipalCondition(Random rng, DemoPerson person)
    {
        (int Concept, double Weight)[] candidates =
        [
            (Pneumonia, 1.2),
            (HeartFailure, person.ChronicConditions.Contains(HeartFailure) ? 2.0 : 0),
            (Copd, person.ChronicConditions.Contains(Copd) ? 2.0 : 0),
            (AtrialFibrillation, person.ChronicConditions.Contains(AtrialFibrillation) ? 1.0 : 0),
            (Type2Diabetes, person.ChronicConditions.Contains(Type2Diabetes) ? 0.6 : 0),
            (ChronicKidneyDisease, person.ChronicConditions.Contains(ChronicKidneyDisease) ? 0.6 : 0),
        ];
        return candidates[Pick(rng, candidates.Select(c => c.Weight).ToArray())].Concept;
    }

    private static List<int> Drugs(Random rng, IReadOnlySet<int> chronic, int principal)
    {
        var drugs = new List<int>();
        void MaybeGive(int drug, double probability)
        {
            if (rng.NextDouble() < probability && !drugs.Contains(drug))
                drugs.Add(drug);
        }

        var kidney = chronic.Contains(ChronicKidneyDisease);
        if (chronic.Contains(HeartFailure))
        {
            MaybeGive(Furosemide, 0.9);
            MaybeGive(Lisinopril, 0.6);
        }
        if (chronic.Contains(Hypertension))
            MaybeGive(Lisinopril, 0.6);
        if (chronic.Contains(Type2Diabetes))
        {
            // Metformin is avoided in kidney disease, where insulin takes over.
            MaybeGive(Metformin, kidney ? 0.3 : 0.8);
            MaybeGive(Insulin, kidney ? 0.6 : 0.3);
        }
        if (chronic.Contains(AtrialFibrillation))
            MaybeGive(rng.NextDouble() < 0.5 ? Warfarin : Apixaban, 0.85);
        if (chronic.Contains(Copd))
            MaybeGive(Albuterol, 0.9);
        MaybeGive(Amoxicillin, principal == Pneumonia ? 0.95 : 0.05);
        if (chronic.Contains(Hypertension) || chronic.Contains(Type2Diabetes) || chronic.Contains(HeartFailure))
            MaybeGive(Atorvastatin, 0.5);
        return drugs;
    }

    /// <summary>Finds the intercept that makes the model's mean risk equal the target base rate (bisection; the mean is monotone in it).</summary>
    private static double InterceptForBaseRate(double[] linear, double baseRate)
    {
        double low = -20, high = 10;
        for (var iteration = 0; iteration < 80; iteration++)
        {
            var mid = (low + high) / 2;
            var mean = linear.Average(x => Sigmoid(mid + x));
            if (mean < baseRate)
                low = mid;
            else
                high = mid;
        }
        return (low + high) / 2;
    }

    private static void AddIf(Random rng, HashSet<int> set, int concept, double probability)
    {
        if (rng.NextDouble() < probability)
            set.Add(concept);
    }

    private static int Pick(Random rng, double[] weights)
    {
        var u = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
                return i;
        }
        return Array.FindLastIndex(weights, w => w > 0);
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private sealed record VisitDraft(
        DemoPerson Person,
        DateOnly Start,
        int LengthOfStay,
        DemoCareSite CareSite,
        int DischargedTo,
        IReadOnlyList<int> Conditions,
        IReadOnlyList<int> Drugs,
        double Linear);
}
