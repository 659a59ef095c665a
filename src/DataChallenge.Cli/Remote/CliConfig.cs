using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataChallenge.Cli.Remote;

/// <summary>The stored login: which server, and the personal token that signs in to it.</summary>
internal sealed record CliConfig(
    [property: JsonPropertyName("server")] string? Server,
    [property: JsonPropertyName("token")] string? Token)
{
    public static CliConfig Load(string path)
    {
        if (!File.Exists(path)) return new CliConfig(null, null);
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), CliJson.Default.CliConfig) ?? new CliConfig(null, null);
        }
        catch (JsonException e)
        {
            throw new CliException(ExitCodes.Usage, $"The configuration file {path} is not valid JSON ({e.Message}); log in again.");
        }
    }

    /// <summary>Owner read/write only: the file holds a secret.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options)) JsonSerializer.Serialize(stream, this, CliJson.Default.CliConfig);
        // UnixCreateMode applies to new files only; an older file keeps its mode unless it is set again.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
