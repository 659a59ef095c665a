using System.CommandLine;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary><c>datachallenge labels upload SLUG --phase P FILE</c>: a new version of a phase's hidden labels (organisers).</summary>
internal static class LabelsCommand
{
    public static Command Create(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The challenge's short name." };
        var file = new Argument<FileInfo>("file") { Description = "The hidden labels CSV file." }.AcceptExistingOnly();
        var phase = new Option<string?>("--phase") { Description = "Phase name or id; defaults to the only open phase." };
        var json = new Option<bool>("--json") { Description = "Print the server's receipt as one JSON document on stdout." };
        var upload = new Command("upload", "Upload a phase's hidden labels; each upload is a new version.") { slug, file, phase, json };
        RemoteCall.Attach(upload, host, async (call, cancellationToken) =>
        {
            call.RequireToken();
            var (_, chosen) = await PhaseChoice.ResolveAsync(call.Api, call.Parse.GetRequiredValue(slug), call.Parse.GetValue(phase), cancellationToken);
            var path = call.Parse.GetRequiredValue(file).FullName;
            var receipt = await FileTransfer.PutAsync(call, $"api/phases/{chosen.String("id")}/labels", path, "text/csv", cancellationToken);
            if (call.Parse.GetValue(json)) Terminal.WriteJson(call.Output, receipt);
            else call.Output.WriteLine($"Uploaded {Path.GetFileName(path)} as labels version {receipt.Get("labelsVersion")} of phase '{chosen.String("name")}' "
                + $"({receipt.Get("sizeBytes")} bytes, SHA-256 {receipt.String("sha256")}).");
            return ExitCodes.Success;
        });

        var command = new Command("labels", "A phase's hidden labels (organisers).");
        command.Subcommands.Add(upload);
        return command;
    }
}
