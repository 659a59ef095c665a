namespace DataChallenge.Server;

/// <summary>The roles this process runs, from the "Roles" setting (comma-separated); all three when unset.</summary>
public sealed record ServerRoles(bool Api, bool Worker, bool Leaderboard)
{
    public bool UsesDatabase => Api || Leaderboard;

    public static ServerRoles From(IConfiguration configuration)
    {
        var text = configuration["Roles"];
        if (string.IsNullOrWhiteSpace(text)) return new ServerRoles(true, true, true);
        var names = text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).ToHashSet();
        var unknown = names.Except(["api", "worker", "leaderboard"]).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Unknown role(s) in the Roles setting: {string.Join(", ", unknown)}. Known roles: api, worker, leaderboard.");
        return new ServerRoles(names.Contains("api"), names.Contains("worker"), names.Contains("leaderboard"));
    }

    public override string ToString()
        => string.Join(", ", new[] { Api ? "api" : null, Worker ? "worker" : null, Leaderboard ? "leaderboard" : null }.OfType<string>());
}
