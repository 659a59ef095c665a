using System.IO.Compression;

namespace DataChallenge.Sandbox;

/// <summary>
/// How a competitor's code starts: the <c>command:</c> line of <c>submission.yaml</c> when the archive has one, else
/// <c>python3 main.py</c>. Only that one key is read, so the file needs no YAML library and cannot smuggle in options.
/// </summary>
public static class CodeEntryPoint
{
    public const string DefaultFile = "main.py";
    public const string DefaultCommand = "python3 " + DefaultFile;
    public const string SettingsFile = "submission.yaml";
    private const int MaxSettingsBytes = 64 * 1024;

    /// <summary>The command to run in the code folder.</summary>
    /// <exception cref="CodeEntryPointException">Neither a command nor main.py; the message is for the competitor.</exception>
    public static string Resolve(string codeFolder)
        => Resolve(name => File.Exists(Path.Combine(codeFolder, name)) ? File.OpenRead(Path.Combine(codeFolder, name)) : null);

    /// <summary>The same rule read from a zip before it is unpacked, so an upload is refused for what a run would refuse.</summary>
    public static string Resolve(ZipArchive archive) => Resolve(name => archive.GetEntry(name)?.Open());

    /// <summary>Null when the archive says how to start it; otherwise why not, in the competitor's words.</summary>
    public static string? Refusal(Func<string> resolve)
    {
        try
        {
            resolve();
            return null;
        }
        catch (CodeEntryPointException e)
        {
            return e.Message;
        }
    }

    private static string Resolve(Func<string, Stream?> openTopLevel)
    {
        using (var settings = openTopLevel(SettingsFile))
            if (settings is not null && CommandIn(settings) is { } command) return command;
        using (var main = openTopLevel(DefaultFile))
            if (main is not null) return DefaultCommand;
        throw new CodeEntryPointException(
            $"The archive has no {DefaultFile} at its top level and no 'command:' in a {SettingsFile}; add one of them to say how your code starts.");
    }

    private static string? CommandIn(Stream settings)
    {
        using var reader = new StreamReader(settings);
        var buffer = new char[MaxSettingsBytes + 1];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        if (read > MaxSettingsBytes) throw new CodeEntryPointException($"{SettingsFile} is larger than {MaxSettingsBytes} bytes.");
        foreach (var line in new string(buffer, 0, read).Split('\n'))
        {
            if (!line.StartsWith("command:", StringComparison.Ordinal)) continue;
            var value = line["command:".Length..].Trim();
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0]) value = value[1..^1];
            if (value.Length == 0) throw new CodeEntryPointException($"The 'command:' in {SettingsFile} is empty.");
            return value;
        }

        return null;
    }
}

/// <summary>A code archive does not say how to start it; the message is the competitor's to read.</summary>
public sealed class CodeEntryPointException(string message) : Exception(message);
