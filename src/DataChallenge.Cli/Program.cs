using System.CommandLine;
using DataChallenge.Cli;
using DataChallenge.Cli.Commands;

var root = new RootCommand("datachallenge: offline tools for DataChallenge organisers and competitors.");
root.Subcommands.Add(ScoreCommand.Create());
return CommandRunner.Run(root, args, new InvocationConfiguration());
