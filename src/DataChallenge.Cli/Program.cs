using System.CommandLine;
using DataChallenge.Cli;
using DataChallenge.Cli.Commands;
using DataChallenge.Cli.Remote;

var root = new RootCommand("datachallenge: DataChallenge from the command line, online and offline.");
root.Subcommands.Add(ScoreCommand.Create());
root.Subcommands.Add(RunCommand.Create());
ClientCommands.AddTo(root, CliHost.Default);
return CommandRunner.Run(root, args, new InvocationConfiguration());
