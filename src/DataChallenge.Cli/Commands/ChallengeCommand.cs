using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary>
/// <c>datachallenge challenge push|pull</c>: a challenge kept in git as a bundle.yaml with its files beside it, sent to
/// the server or fetched from it (organisers).
/// </summary>
internal static class ChallengeCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("challenge", "Create, update or fetch a challenge as a bundle (organisers).");
        command.Subcommands.Add(Push(host));
        command.Subcommands.Add(Pull(host));
        return command;
    }

    private static Command Push(CliHost host)
    {
        var file = new Argument<FileInfo>("bundle") { Description = "The bundle.yaml; the files it names are read from its folder." }.AcceptExistingOnly();
        var replaceLabels = new Option<bool>("--replace-labels")
        {
            Description = "Upload the labels of phases that already have some, as a new version. Without it only phases without labels get them.",
        };
        var replaceData = new Option<bool>("--replace-data")
        {
            Description = "Upload the hidden inputs and smoke data folders of code phases that already have some, as new versions.",
        };
        var push = new Command("push", "Create or update a challenge from a bundle.yaml, then upload its hidden labels, code phases' data and public files.")
        {
            file, replaceLabels, replaceData,
        };
        RemoteCall.Attach(push, host, async (call, cancellationToken) =>
        {
            call.RequireToken();
            var path = call.Parse.GetRequiredValue(file).FullName;
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            var local = BundleFile.TryRead(text);
            if (local is not null) RequireFiles(path, local);
            var labelled = local?.Slug is { } slug ? await PhasesWithLabelsAsync(call, slug, cancellationToken) : [];

            using var content = new StringContent(text, Encoding.UTF8, "application/yaml");
            using var response = await call.Api.SendAsync(new HttpRequestMessage(HttpMethod.Put, "api/bundles") { Content = content }, cancellationToken);
            var result = await ApiClient.ReadJsonAsync(response, cancellationToken);
            var name = result.String("slug")!;
            call.Output.WriteLine($"{(response.StatusCode == HttpStatusCode.Created ? "Created" : "Updated")} the challenge '{name}'.");
            var phases = Terminal.Table("Phase", "Id");
            foreach (var phase in result.Get("phases").EnumerateArray()) phases.AddRow(phase.String("name"), phase.String("id"));
            call.Console.Write(phases);
            if (local is null) return ExitCodes.Success;

            foreach (var (phaseName, labels) in local.Labels)
            {
                var phase = result.Get("phases").EnumerateArray().First(p => p.String("name") == phaseName.Trim());
                var id = phase.String("id")!;
                if (labelled.Contains(id) && !call.Parse.GetValue(replaceLabels))
                {
                    call.Output.WriteLine($"Kept the labels of phase '{phaseName}'; pass --replace-labels to upload {labels} as a new version.");
                    continue;
                }
                var receipt = await FileTransfer.PutAsync(call, $"api/phases/{id}/labels", BundleFile.Resolve(path, labels), "text/csv", cancellationToken);
                call.Output.WriteLine($"Uploaded {labels} as labels version {receipt.Get("labelsVersion")} of phase '{phaseName}'.");
            }
            await PushCodeDataAsync(call, result, path, local.CodeData, call.Parse.GetValue(replaceData), cancellationToken);
            await PushPublicFilesAsync(call, name, path, local.PublicFiles, cancellationToken);
            return ExitCodes.Success;
        });
        return push;
    }

    private static Command Pull(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The challenge's short name." };
        var folder = new Option<DirectoryInfo?>("--output", "-o") { Description = "Where to write bundle.yaml and the public files; ./SLUG by default." };
        var pull = new Command("pull", "Write a challenge's bundle.yaml and download its public files (hidden labels are never downloadable).") { slug, folder };
        RemoteCall.Attach(pull, host, async (call, cancellationToken) =>
        {
            call.RequireToken();
            var name = call.Parse.GetRequiredValue(slug);
            var target = call.Parse.GetValue(folder)?.FullName ?? Path.Combine(Directory.GetCurrentDirectory(), name);
            using var response = await call.Api.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/challenges/{Uri.EscapeDataString(name)}/bundle"), cancellationToken);
            var yaml = await response.Content.ReadAsStringAsync(cancellationToken);
            Directory.CreateDirectory(target);
            var bundlePath = Path.Combine(target, BundleFile.FileName);
            await File.WriteAllTextAsync(bundlePath, yaml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            call.Output.WriteLine(bundlePath);
            await FileTransfer.DownloadPublicFilesAsync(call, name, target, cancellationToken);
            return ExitCodes.Success;
        });
        return pull;
    }

    // Checked before anything is sent, so a typo in a path never leaves a challenge half pushed.
    private static void RequireFiles(string bundlePath, BundleFile bundle)
    {
        foreach (var (phase, labels) in bundle.Labels)
        {
            if (!File.Exists(BundleFile.Resolve(bundlePath, labels)))
                throw new CliException(ExitCodes.Usage, $"The labels of phase '{phase}', {labels}, are not in the bundle's folder.");
        }
        foreach (var data in bundle.CodeData)
        {
            if (!Directory.Exists(BundleFile.Resolve(bundlePath, data.Path)))
                throw new CliException(ExitCodes.Usage, $"The {data.Kind.Description} of phase '{data.Phase}' (code: {data.Kind.Key}), {data.Path}, is not a folder in the bundle's folder.");
        }
        foreach (var file in bundle.PublicFiles)
        {
            if (!File.Exists(BundleFile.Resolve(bundlePath, file))) throw new CliException(ExitCodes.Usage, $"The public file {file} is not in the bundle's folder.");
        }
    }

    // Zipped and sent to the code endpoints, as an organiser's own upload would be; a phase's existing version is kept unless told.
    private static async Task PushCodeDataAsync(RemoteCall call, JsonElement imported, string bundlePath, IReadOnlyList<CodeDataFolder> folders, bool replace,
        CancellationToken cancellationToken)
    {
        foreach (var data in folders)
        {
            var id = imported.Get("phases").EnumerateArray().First(p => p.String("name") == data.Phase.Trim()).String("id")!;
            var current = (await call.Api.GetJsonAsync($"api/phases/{id}/code", cancellationToken)).Get(data.Kind.VersionField).GetInt32();
            if (current > 0 && !replace)
            {
                call.Output.WriteLine($"Kept the {data.Kind.Description} of phase '{data.Phase}'; pass --replace-data to upload {data.Path} as a new version.");
                continue;
            }
            var zip = CodeFolder.Zip(new DirectoryInfo(BundleFile.Resolve(bundlePath, data.Path)));
            try
            {
                var receipt = await FileTransfer.PutAsync(call, $"api/phases/{id}/{data.Kind.Route}", zip, "application/zip", cancellationToken);
                call.Output.WriteLine($"Uploaded {data.Path} as {data.Kind.Description} version {receipt.Get("version")} of phase '{data.Phase}'.");
            }
            finally
            {
                File.Delete(zip);
            }
        }
    }

    // Ids of the challenge's phases that have labels already; none when the challenge does not exist yet.
    private static async Task<HashSet<string>> PhasesWithLabelsAsync(RemoteCall call, string slug, CancellationToken cancellationToken)
    {
        using var response = await call.Api.Http.GetAsync($"api/challenges/{Uri.EscapeDataString(slug)}", cancellationToken);
        if (!response.IsSuccessStatusCode) return [];
        var challenge = await ApiClient.ReadJsonAsync(response, cancellationToken);
        return challenge.Get("phases").EnumerateArray().Where(p => p.Get("hasLabels").ValueKind == JsonValueKind.True).Select(p => p.String("id")!).ToHashSet();
    }

    // Files whose SHA-256 the server already has are not sent again.
    private static async Task PushPublicFilesAsync(RemoteCall call, string slug, string bundlePath, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0) return;
        var name = Uri.EscapeDataString(slug);
        var known = (await call.Api.GetJsonAsync($"api/challenges/{name}/files", cancellationToken)).EnumerateArray()
            .ToDictionary(f => f.String("name") ?? "", f => f.String("sha256") ?? "", StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = BundleFile.Resolve(bundlePath, file);
            var fileName = Path.GetFileName(path);
            if (known.TryGetValue(fileName, out var sha256) && string.Equals(sha256, await FileTransfer.Sha256Async(path, cancellationToken), StringComparison.OrdinalIgnoreCase))
            {
                call.Output.WriteLine($"{fileName} is unchanged.");
                continue;
            }
            await FileTransfer.PutAsync(call, $"api/challenges/{name}/files/{Uri.EscapeDataString(fileName)}", path, "application/octet-stream", cancellationToken);
            call.Output.WriteLine($"Uploaded {fileName}.");
        }
    }
}
