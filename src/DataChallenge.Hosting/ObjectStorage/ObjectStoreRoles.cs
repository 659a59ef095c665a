namespace DataChallenge.Hosting.ObjectStorage;

/// <summary>
/// The keys of the role-specific object stores. The api may write hidden labels but not read them; the worker reads
/// them. An unkeyed <see cref="IObjectStore"/> is the api's.
/// </summary>
public static class ObjectStoreRoles
{
    public const string Api = "Api";
    public const string Worker = "Worker";

    public static IReadOnlyList<string> All { get; } = [Api, Worker];
}
