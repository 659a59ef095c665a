using System.CommandLine;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary><c>datachallenge data download SLUG</c>: every public file of a challenge, checked against its SHA-256.</summary>
internal static class DataCommand
{
    public static Command Create(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The challenge's short name." };
        var folder = new Option<DirectoryInfo?>("--output", "-o") { Description = "Where to write the files; the current folder by default." };
        var download = new Command("download", "Download a challenge's public data files.") { slug, folder };
        RemoteCall.Attach(download, host, async (call, cancellationToken) =>
        {
            call.RequireToken();
            var name = call.Parse.GetRequiredValue(slug);
            var target = call.Parse.GetValue(folder)?.FullName ?? Directory.GetCurrentDirectory();
            Directory.CreateDirectory(target);
            await FileTransfer.DownloadPublicFilesAsync(call, name, target, cancellationToken);
            return ExitCodes.Success;
        });

        var command = new Command("data", "A challenge's public data.");
        command.Subcommands.Add(download);
        return command;
    }
}
