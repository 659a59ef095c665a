using DataChallenge.Api;
using DataChallenge.Api.Http;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting;
using DataChallenge.Hosting.Health;
using DataChallenge.Hosting.Messaging;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Leaderboard;
using DataChallenge.Server;
using DataChallenge.Server.Demo;
using DataChallenge.Worker;

var builder = WebApplication.CreateBuilder(args);
var roles = ServerRoles.From(builder.Configuration);
var paths = new HostPaths(Path.GetFullPath(builder.Configuration["DataFolder"] ?? Path.Combine(builder.Environment.ContentRootPath, "data")));
Directory.CreateDirectory(paths.DataFolder);
if (AdminCommand.Matches(args)) return await AdminCommand.RunAsync(args, builder.Configuration, paths.DataFolder, Console.Out);

builder.Services.AddSingleton(paths);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
// Every role answers 503 with Retry-After, not 500, while a dependency is unreachable (a leaderboard replica too).
builder.Services.AddExceptionHandler<UnreachableDependencyHandler>();
builder.Services.AddProxyHeaders(builder.Configuration);
builder.Services.AddObjectStore(builder.Configuration);
var health = builder.Services.AddDataChallengeHealthChecks(usesObjectStore: roles.Api || roles.Worker);
if (roles.UsesDatabase)
{
    builder.Services.AddDataChallengeDatabase(builder.Configuration, paths.DataFolder);
    health.AddDbContextCheck<DataChallengeDbContext>("database", tags: [HealthRegistration.ReadyTag]);
}
if (roles.Api) builder.Services.AddApiRole(builder.Configuration, paths.DataFolder);
else if (roles.Leaderboard) builder.Services.AddSignIn(builder.Configuration, paths.DataFolder);
if (roles.Worker) builder.Services.AddWorkerRole(builder.Configuration);
if (roles.Leaderboard) builder.Services.AddLeaderboardRole();
builder.Services.AddDataChallengeBus(builder.Configuration, bus =>
{
    if (roles.Worker) bus.AddWorkerConsumers();
    if (roles.Leaderboard) bus.AddLeaderboardConsumers();
});
builder.Services.AddCodeRunHost(builder.Configuration, roles.Worker);
if (roles.Api) builder.Services.AddDemoChallenge(builder.Configuration);

var app = builder.Build();
await app.PrepareAsync(roles);

app.UseProxyHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
if (roles.Api || roles.Leaderboard)
{
    app.UseAuthentication();
    app.UseAuthorization();
}
if (roles.Api)
{
    app.UseApiGuards();
    app.MapApi();
}
if (roles.Leaderboard) app.MapLeaderboards();
app.MapHealthEndpoints();
app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation("DataChallenge is running with roles: {Roles}", roles));

await app.RunAsync();
// Non-zero when the process ended itself to be restarted (a receive endpoint that never came back).
return Environment.ExitCode;
