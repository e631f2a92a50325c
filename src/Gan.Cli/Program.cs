using Gan.Cli;
using Spectre.Console;

return GanCommandLine.Run(args, AnsiConsole.Console, Console.Error);
