using DataChallenge.Testing;
using Minio;
using Minio.DataModel.Args;

namespace DataChallenge.IntegrationTests;

/// <summary>
/// The compose stack's object-store rights (compose/minio/policies) on a test's buckets, as Swift container ACLs for
/// one tempauth user per role; the buckets are made with the admin key, since the roles may not create any.
/// Swift grants whole containers, so some rights are wider than compose's: the worker may write anywhere in
/// hidden-labels (compose: only under phases/*/program/results/) and in submissions (compose: only code-run logs and
/// predictions), may read all of public-data (compose: only smoke data), and a read right includes listing.
/// </summary>
public static class ObjectStoreRights
{
    /// <param name="variable">Another set of services, named by the variables start.sh writes to env.sh; the shared set by default.</param>
    public static async Task ProvisionAsync(string runId, Func<string, string>? variable = null)
    {
        var settings = variable is null ? RealServices.Settings(runId) : RealServices.Settings(runId, variable);
        string endpoint = settings["ObjectStore:S3:Endpoint"]!, accessKey = settings["ObjectStore:S3:AccessKey"]!,
            secretKey = settings["ObjectStore:S3:SecretKey"]!;
        string api = settings["ObjectStore:S3:Roles:Api:AccessKey"]!, worker = settings["ObjectStore:S3:Roles:Worker:AccessKey"]!;
        using var admin = new MinioClient().WithEndpoint(endpoint).WithCredentials(accessKey, secretKey)
            .WithRegion(settings["ObjectStore:S3:Region"]).Build();
        using var swift = await SwiftAdminAsync(endpoint, accessKey, secretKey);
        (string Bucket, string[] Read, string[] Write)[] rights =
        [
            (settings["ObjectStore:Buckets:Submissions"]!, [api, worker], [api, worker]),
            (settings["ObjectStore:Buckets:HiddenLabels"]!, [worker], [api, worker]),
            (settings["ObjectStore:Buckets:PublicData"]!, [api, worker], [api]),
        ];
        foreach (var (bucket, read, write) in rights)
        {
            await admin.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket));
            using var acl = new HttpRequestMessage(HttpMethod.Post, bucket);
            acl.Headers.Add("X-Container-Read", string.Join(',', read));
            acl.Headers.Add("X-Container-Write", string.Join(',', write));
            (await swift.SendAsync(acl)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>A client of Swift's own API on the admin's account: S3 cannot set Swift ACLs.</summary>
    private static async Task<HttpClient> SwiftAdminAsync(string endpoint, string accessKey, string secretKey)
    {
        using var http = new HttpClient();
        using var login = new HttpRequestMessage(HttpMethod.Get, $"http://{endpoint}/auth/v1.0");
        login.Headers.Add("X-Auth-User", accessKey);
        login.Headers.Add("X-Auth-Key", secretKey);
        using var answer = (await http.SendAsync(login)).EnsureSuccessStatusCode();
        var swift = new HttpClient { BaseAddress = new Uri(answer.Headers.GetValues("X-Storage-Url").Single() + "/") };
        swift.DefaultRequestHeaders.Add("X-Auth-Token", answer.Headers.GetValues("X-Auth-Token").Single());
        return swift;
    }
}
