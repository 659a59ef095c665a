using System.Text.Json;

namespace DataChallenge.Cli.Remote;

/// <summary>Which phase of a challenge a verb means: the one named, else the only open one, else the only one.</summary>
internal static class PhaseChoice
{
    public static async Task<(JsonElement Challenge, JsonElement Phase)> ResolveAsync(ApiClient api, string slug, string? phase, CancellationToken cancellationToken)
    {
        var challenge = await api.GetJsonAsync($"api/challenges/{Uri.EscapeDataString(slug)}", cancellationToken);
        var phases = challenge.Get("phases").ValueKind == JsonValueKind.Array ? challenge.Get("phases").EnumerateArray().ToList() : [];
        if (phases.Count == 0) throw new CliException(ExitCodes.Error, $"The challenge '{slug}' has no phase yet.");

        if (!string.IsNullOrWhiteSpace(phase))
        {
            var named = phases.Where(p => string.Equals(p.String("name"), phase, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.String("id"), phase, StringComparison.OrdinalIgnoreCase)).ToList();
            return named.Count switch
            {
                1 => (challenge, named[0]),
                0 => throw new CliException(ExitCodes.Usage, $"The challenge '{slug}' has no phase '{phase}'. Its phases: {Names(phases)}."),
                _ => throw new CliException(ExitCodes.Usage, $"Several phases of '{slug}' are called '{phase}'; pass the phase id instead."),
            };
        }

        var open = phases.Where(p => p.Get("isOpen").ValueKind == JsonValueKind.True).ToList();
        if (open.Count == 1) return (challenge, open[0]);
        if (phases.Count == 1) return (challenge, phases[0]);
        var which = open.Count == 0 ? "no phase is open" : "several phases are open";
        throw new CliException(ExitCodes.Usage, $"Choose a phase of '{slug}' with --phase ({which}): {Names(phases)}.");
    }

    private static string Names(List<JsonElement> phases) => string.Join(", ", phases.Select(p => $"{p.String("name")} ({p.String("id")})"));
}
