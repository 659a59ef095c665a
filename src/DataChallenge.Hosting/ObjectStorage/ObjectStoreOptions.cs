namespace DataChallenge.Hosting.ObjectStorage;

/// <summary>Where objects live: a local folder (embedded default) or an S3 server when <see cref="S3Options.Endpoint"/> is set.</summary>
public sealed class ObjectStoreOptions
{
    public const string Section = "ObjectStore";

    /// <summary>Root of the folder store; defaults to "objects" under the data folder.</summary>
    public string? Folder { get; set; }

    public S3Options S3 { get; set; } = new();

    public BucketNames Buckets { get; set; } = new();
}

public sealed class S3Options
{
    /// <summary>host:port of the S3 server; empty selects the folder store.</summary>
    public string? Endpoint { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string Region { get; set; } = "us-east-1";
    public bool UseSsl { get; set; }

    /// <summary>Create missing buckets at start-up (off where buckets are provisioned with their policies).</summary>
    public bool CreateBuckets { get; set; } = true;

    /// <summary>
    /// Credentials of one role (keys "Api", "Worker") in a process that runs several roles, so each role keeps the
    /// rights it has alone in its own container; a role without an entry uses <see cref="AccessKey"/>.
    /// </summary>
    public Dictionary<string, S3Credentials> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public S3Credentials CredentialsOf(string role)
        => Roles.TryGetValue(role, out var own) && !string.IsNullOrWhiteSpace(own.AccessKey) ? own : new S3Credentials { AccessKey = AccessKey, SecretKey = SecretKey };
}

public sealed class S3Credentials
{
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
}

public sealed class BucketNames
{
    public string Submissions { get; set; } = "submissions";
    public string HiddenLabels { get; set; } = "hidden-labels";
    public string PublicData { get; set; } = "public-data";

    public IEnumerable<string> All() => [Submissions, HiddenLabels, PublicData];
}
