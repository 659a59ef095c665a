using System.CommandLine;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary>The verbs that talk to a DataChallenge server, as opposed to the offline <c>score</c>.</summary>
internal static class ClientCommands
{
    public static void AddTo(RootCommand root, CliHost host)
    {
        root.Subcommands.Add(LoginCommand.Create(host));
        root.Subcommands.Add(ChallengesCommand.Create(host));
        root.Subcommands.Add(DataCommand.Create(host));
        root.Subcommands.Add(SubmitCommand.Create(host));
        root.Subcommands.Add(SubmissionsCommand.Create(host));
        root.Subcommands.Add(LeaderboardCommand.Create(host));
        root.Subcommands.Add(ChallengeCommand.Create(host));
        root.Subcommands.Add(LabelsCommand.Create(host));
        root.Subcommands.Add(RevealCommand.Create(host));
        root.Subcommands.Add(RescoreCommand.Create(host));
    }
}
