namespace DataChallenge.Hosting;

/// <summary>Where the server keeps local state on embedded defaults (database file, folder store).</summary>
public sealed record HostPaths(string DataFolder);
