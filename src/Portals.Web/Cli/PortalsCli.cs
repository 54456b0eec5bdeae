using Portals.Core.Hosting;

namespace Portals.Web.Cli;

/// <summary>Runs a command instead of the web server: same configuration and services, no HTTP.</summary>
public static class PortalsCli
{
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase) { "recipe", "search", "db" };

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        // stdout carries the command's result (an exported recipe); everything else goes to stderr.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<ICliCommand, RecipeApplyCommand>();
        builder.Services.AddSingleton<ICliCommand, RecipeExportCommand>();
        builder.Services.AddSingleton<ICliCommand, DbMigrateCommand>();

        await using var app = builder.Build();
        var commands = app.Services.GetServices<ICliCommand>().ToList();
        var arguments = new CliArguments(args);
        var name = string.Join(' ', arguments.Positional.Take(2));
        var command = commands.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"Unknown command '{name}'. Commands:");
            foreach (var c in commands)
            {
                await Console.Error.WriteLineAsync("  " + c.Usage);
            }
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await command.RunAsync(app.Services, arguments, stdout, cancel.Token);
    }
}
