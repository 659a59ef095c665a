using System.CommandLine;
using DataChallenge.Scoring;

namespace DataChallenge.Cli.Commands;

/// <summary><c>datachallenge score</c>: scores a predictions file offline, through the same code as the worker.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var labels = new Option<FileInfo>("--labels") { Description = "The labels (truth) CSV file.", Required = true }.AcceptExistingOnly();
        var predictions = new Option<FileInfo>("--predictions") { Description = "The predictions CSV file.", Required = true }.AcceptExistingOnly();
        var config = new Option<FileInfo>("--config") { Description = "The scoring configuration (JSON).", Required = true }.AcceptExistingOnly();
        var metric = new Option<string?>("--metric") { Description = "Compute only this metric." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Resamples of the intervals that resample (multinomial, bootstrap); 0 turns every interval off.",
            DefaultValueFactory = _ => 1000,
        };
        var noIntervals = new Option<bool>("--no-intervals") { Description = "Compute no 95 % interval (the same as --bootstrap 0)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the resampled intervals." };

        var command = new Command("score", "Score a predictions file against a labels file, with each metric's 95 % interval.")
        {
            labels, predictions, config, metric, json, bootstrap, noIntervals, seed,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var resamples = parse.GetValue(bootstrap);
            if (resamples < 0)
            {
                error.WriteLine("--bootstrap must be 0 or more.");
                return ExitCodes.Usage;
            }

            var labelsFile = parse.GetRequiredValue(labels);
            var predictionsFile = parse.GetRequiredValue(predictions);
            var options = new ScoreOptions
            {
                LabelsFileName = labelsFile.Name,
                PredictionsFileName = predictionsFile.Name,
                BootstrapResamples = parse.GetValue(noIntervals) ? 0 : resamples,
                Seed = parse.GetValue(seed),
                OnlyMetric = parse.GetValue(metric),
            };
            return Score(labelsFile, predictionsFile, parse.GetRequiredValue(config), options, parse.GetValue(json), output, error);
        });
        return command;
    }

    private static int Score(FileInfo labels, FileInfo predictions, FileInfo configFile, ScoreOptions options, bool json, TextWriter output, TextWriter error)
    {
        ScoreReport report;
        try
        {
            var config = ScoringConfig.Parse(File.ReadAllText(configFile.FullName));
            using var labelsStream = OpenSequential(labels);
            using var predictionsStream = OpenSequential(predictions);
            report = Scorer.Score(labelsStream, predictionsStream, config, options);
        }
        catch (ScoringConfigException e)
        {
            error.WriteLine($"{configFile.Name}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (SubmissionRejectedException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.Rejected;
        }

        if (json) ScoreReportJson.Write(report, options.OnlyMetric, output);
        else ScoreReportText.Write(report, output);
        return report.Metrics.Values.Any(m => m.Value is null) ? ExitCodes.Undefined : ExitCodes.Success;
    }

    private static FileStream OpenSequential(FileInfo file)
        => new(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
}
