namespace DataChallenge.Api.Features.CodePhases;

/// <summary>What makes code settings unusable, in the organiser's words; null when they are fine.</summary>
public static class CodeSettingsCheck
{
    public static string? Refusal(CodeSettingsRequest r)
    {
        if (r.Runtime is { } runtime && (runtime.Length is 0 or > 100 || !runtime.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            return "A runtime name has 1 to 100 letters, digits, dots, dashes or underscores.";
        if (r.PredictionsFile is { } file && (file.Length is 0 or > 200 || file.IndexOfAny(['/', '\\']) >= 0 || file.StartsWith('.')))
            return "The predictions file is a plain file name: at most 200 characters, no slashes, not starting with a dot.";
        long?[] positive = [r.WallClockSeconds, r.CpuSeconds, r.MemoryBytes, r.MaxProcesses, r.OutputBytes, r.MaxArchiveBytes];
        if (positive.Any(v => v <= 0)) return "Limits are positive numbers.";
        if (r.RunMinutesPerDay < 0 || r.SmokeRunsPerDay < 0) return "Quotas are zero or more.";
        return null;
    }
}
