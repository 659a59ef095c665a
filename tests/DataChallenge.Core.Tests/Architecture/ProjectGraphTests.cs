using System.Xml.Linq;

namespace DataChallenge.Core.Tests.Architecture;

/// <summary>
/// The project graph keeps the roles apart: a role is composed only by the executable, so no role compiles another
/// one in, and the worker cannot reach the database because it does not reference Core.
/// </summary>
public sealed class ProjectGraphTests
{
    private static readonly string[] Roles = ["DataChallenge.Api", "DataChallenge.Worker", "DataChallenge.Leaderboard"];
    private const string Executable = "DataChallenge.Server";

    [Fact]
    public void ProjectGraph_ReferencesRolesOnlyFromTheExecutable_WhenReadFromTheProjectFiles()
    {
        var graph = ReadGraph();

        var offending = graph.Where(p => p.Key != Executable)
            .SelectMany(p => p.Value.Where(Roles.Contains).Select(role => $"{p.Key} -> {role}")).ToList();

        Assert.True(offending.Count == 0, "Only the executable may reference a role: " + string.Join(", ", offending));
    }

    [Fact]
    public void WebPages_ReferenceNoRole_WhenReadFromTheProjectFile()
    {
        var references = ReadGraph()["DataChallenge.Web"];

        Assert.All(Roles, role => Assert.DoesNotContain(role, references));
    }

    [Fact]
    public void Worker_DoesNotReferenceCore_SoItCannotTouchTheDatabase()
    {
        var references = ReadGraph()["DataChallenge.Worker"];

        Assert.DoesNotContain("DataChallenge.Core", references);
    }

    [Fact]
    public void ProjectGraph_ListsEveryRole_WhenReadFromTheProjectFiles()
    {
        // Guards the rules above against a renamed folder that would make them pass vacuously.
        var graph = ReadGraph();

        Assert.All(Roles.Append(Executable).Append("DataChallenge.Web"), name => Assert.Contains(name, graph.Keys));
    }

    /// <summary>Each project under src and the names of the projects it references directly.</summary>
    private static Dictionary<string, List<string>> ReadGraph()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        return Directory.EnumerateFiles(src, "*.csproj", SearchOption.AllDirectories).ToDictionary(
            path => Path.GetFileNameWithoutExtension(path),
            path => XDocument.Load(path).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/'))).ToList());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataChallenge.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (DataChallenge.sln) was not found.");
    }
}
