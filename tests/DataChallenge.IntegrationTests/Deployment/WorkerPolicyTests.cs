using System.Text.Json;
using System.Text.RegularExpressions;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.ObjectStorage;

namespace DataChallenge.IntegrationTests.Deployment;

/// <summary>
/// compose/minio/policies/worker.json read as MinIO reads it: the keys the worker writes and reads for code runs are
/// granted, by the same key builders the api and the worker use, and nothing wider.
/// </summary>
public sealed class WorkerPolicyTests
{
    private static readonly Guid PhaseId = Guid.NewGuid(), SubmissionId = Guid.NewGuid();

    [Fact]
    public void WorkerPolicy_GrantsCodeRunOutputs_AndSmokeData()
    {
        var policy = Load();

        Assert.True(Allows(policy, "s3:PutObject", "submissions/" + CodeRunKeys.Log(PhaseId, SubmissionId, 2)), "code-run log");
        Assert.True(Allows(policy, "s3:PutObject", "submissions/" + CodeRunKeys.Predictions(PhaseId, SubmissionId)), "predictions");
        Assert.True(Allows(policy, "s3:GetObject", "public-data/" + CodePhaseSettings.SmokePrefix(PhaseId, 1) + "tables/person.csv"), "smoke data");
        Assert.True(Allows(policy, "s3:ListBucket", "public-data"), "listing the smoke data");
    }

    [Fact]
    public void WorkerPolicy_GrantsDetailedResultsCopies_ThatTheApiPolicyLetsItRead()
    {
        var key = "submissions/" + DetailedResultsKeys.For(PhaseId, SubmissionId, 1, "public");

        Assert.True(Allows(Load(), "s3:PutObject", key), "worker writes the copy");
        Assert.True(Allows(Load("api.json"), "s3:GetObject", key), "api reads the copy");
        Assert.False(Allows(Load(), "s3:PutObject", "submissions/detailed-results/p/s/a1/public.csv"), "a copy that is no page");
    }

    [Fact]
    public void WorkerPolicy_GrantsNothingElse_InSubmissionsOrPublicData()
    {
        var policy = Load();

        Assert.False(Allows(policy, "s3:PutObject", "submissions/" + CodeRunKeys.Archive(PhaseId, SubmissionId)), "overwrite a competitor's archive");
        Assert.False(Allows(policy, "s3:GetObject", "public-data/challenges/c/files/data.csv"), "read other public files");
        Assert.False(Allows(policy, "s3:PutObject", "public-data/" + CodePhaseSettings.SmokePrefix(PhaseId, 1) + "person.csv"), "write smoke data");
        Assert.False(Allows(policy, "s3:DeleteObject", "submissions/" + CodeRunKeys.Log(PhaseId, SubmissionId, 1)), "delete a log");
    }

    [Fact]
    public void WorkerPolicy_CannotOverwriteUploadedPredictions()
    {
        var policy = Load();

        Assert.False(Allows(policy, "s3:PutObject", "submissions/" + Submission.PredictionsKey(PhaseId, SubmissionId)), "overwrite an uploaded prediction file");
    }

    private static JsonElement Load(string file = "worker.json")
        => JsonDocument.Parse(File.ReadAllText(Path.Combine(ComposeFileTests.FindRepositoryRoot(), "compose", "minio", "policies", file))).RootElement;

    // S3 resource patterns: '*' spans any characters, '/' included.
    private static bool Allows(JsonElement policy, string action, string resource)
        => policy.GetProperty("Statement").EnumerateArray().Any(statement =>
            statement.GetProperty("Effect").GetString() == "Allow"
            && statement.GetProperty("Action").EnumerateArray().Any(a => a.GetString() == action)
            && statement.GetProperty("Resource").EnumerateArray().Any(r =>
                Regex.IsMatch("arn:aws:s3:::" + resource, "^" + Regex.Escape(r.GetString()!).Replace("\\*", ".*") + "$")));
}
