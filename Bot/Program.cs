using Bot.Hosting;

var (command, hostArgs) = CommandLine.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);
if (command is not null)
{
    // Commands talk to a person at a terminal: plain log lines, not the server's JSON.
    builder.Configuration["Telemetry:JsonLogs"] = "false";
}
builder.AddSupportBot();

var app = builder.Build();
if (command is not null)
{
    return await CommandLine.RunAsync(app, command);
}

app.UseSupportBot();
await app.RunAsync();
return 0;

/// <summary>The host's entry point; public so integration tests can start it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
