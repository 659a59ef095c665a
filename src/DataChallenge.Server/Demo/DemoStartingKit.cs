namespace DataChallenge.Server.Demo;

/// <summary>
/// The code phase's starting kit: a baseline that loads a small model shipped beside it (logistic coefficients in JSON)
/// and writes predictions.csv from the OMOP tables it finds in its input folder. Standard library only, so it runs on
/// any Python 3 runtime.
/// </summary>
internal static class DemoStartingKit
{
    public const string FileName = "starting-kit.zip";

    public const string ModelJson = """
        {
          "intercept": -1.4,
          "coefficients": {"age_minus_70": 0.035, "stay_days_minus_4": 0.12, "drugs_minus_3": 0.15, "conditions": 0.3}
        }
        """;

    public const string MainPy = """
        # Baseline for the 30-day readmission code phase: reads the OMOP tables of the admissions to predict from the
        # input folder (the hidden test tables on the platform, the smoke data when you try it), applies the logistic
        # model in model.json and writes predictions.csv to the output folder. There is no network while it runs.
        import csv, json, math, os, sys
        from collections import Counter
        from datetime import date

        INPUT = os.environ.get("INPUT_DIR", "/app/input")
        OUTPUT = os.environ.get("OUTPUT_DIR", "/app/output")
        HERE = os.path.dirname(os.path.abspath(__file__))

        def rows(name):
            with open(os.path.join(INPUT, name), newline="") as f:
                return list(csv.DictReader(f))

        model = json.load(open(os.path.join(HERE, "model.json")))
        c = model["coefficients"]
        born = {p["person_id"]: int(p["year_of_birth"]) for p in rows("person.csv")}
        conditions = Counter(r["visit_occurrence_id"] for r in rows("condition_occurrence.csv"))
        drugs = Counter(r["visit_occurrence_id"] for r in rows("drug_exposure.csv"))
        visits = rows("visit_occurrence.csv")

        with open(os.path.join(OUTPUT, "predictions.csv"), "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["visit_occurrence_id", "readmitted_30d"])
            for v in visits:
                start, end = date.fromisoformat(v["visit_start_date"]), date.fromisoformat(v["visit_end_date"])
                age = start.year - born.get(v["person_id"], start.year - 70)
                stay = min((end - start).days, 21)
                vid = v["visit_occurrence_id"]
                logit = (model["intercept"] + c["age_minus_70"] * (age - 70) + c["stay_days_minus_4"] * (stay - 4)
                         + c["drugs_minus_3"] * (drugs[vid] - 3) + c["conditions"] * conditions[vid])
                writer.writerow([vid, "%.6f" % (1 / (1 + math.exp(-logit)))])
        print("wrote %d predictions" % len(visits), file=sys.stderr)
        """;

    public static byte[] Zip() => DemoZip.Of([("main.py", MainPy), ("model.json", ModelJson)]);
}
