using System.Text;
using DataChallenge.Api.Features.PublicData;
using DataChallenge.Api.Features.Submissions;
using DataChallenge.Api.Http;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Server.Demo;

/// <summary>
/// Seeds the demo challenge once the server is listening, through the same intake path as real uploads, so the
/// demo submissions are scored by the worker and ranked like any other. Then prints where to look and how to sign in.
/// </summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IServer server, IOptions<DemoOptions> options,
    IOptions<ObjectStoreOptions> storeOptions, TimeProvider clock, ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string Slug = "readmission-30d";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var phaseId = await SeedAsync(scope.ServiceProvider, stoppingToken);
            PrintWelcome(phaseId, await CompetitorEmailsAsync(scope.ServiceProvider, stoppingToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The demo challenge could not be seeded");
        }
    }

    private async Task<Guid> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DataChallengeDbContext>();
        var existing = await db.Phases.Where(p => p.Challenge!.Slug == Slug).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } seeded) return seeded;

        logger.LogInformation("Seeding the demo challenge '{Slug}'", Slug);
        var data = DemoDataset.Generate();
        var users = services.GetRequiredService<UserManager<User>>();
        var organiser = await CreateUserAsync(users, options.Value.OrganiserEmail, "Demo organiser");
        var now = clock.GetUtcNow();
        var challenge = new Challenge
        {
            Slug = Slug, OwnerId = organiser.Id, CreatedAt = now,
            Title = "Predicting 30-day hospital readmission",
            Description = "Predict, for each inpatient stay of the test set, the probability that the patient is readmitted within 30 days "
                + "of discharge. The training data is a synthetic extract in the OMOP Common Data Model. Ranked by ROC AUC.",
        };
        var phase = new Phase
        {
            ChallengeId = challenge.Id, Name = "Main phase", OpensAt = now.AddDays(-30), ClosesAt = now.AddDays(60),
            ScoringConfig = data.ScoringConfigJson, MaxFileBytes = 50L * 1024 * 1024, LabelsVersion = 1,
        };
        challenge.Phases.Add(phase);
        db.Challenges.Add(challenge);

        var store = services.GetRequiredService<IObjectStore>();
        await using (var labels = await SpoolAsync(data.HiddenLabelsCsv, cancellationToken))
            await store.PutAsync(storeOptions.Value.Buckets.HiddenLabels, phase.LabelsKey, labels.File, labels.Length, "text/csv", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var files = services.GetRequiredService<PublicFileStore>();
        foreach (var file in data.PublicFiles)
        {
            await using var upload = await SpoolAsync(file.Content, cancellationToken);
            await files.SaveAsync(challenge.Id, file.Name, file.Description, upload, cancellationToken);
        }

        // The competitors joined over the phase's first weeks and improved as they went, so the board's history and
        // the charts show a progression rather than one instant.
        var intake = services.GetRequiredService<SubmissionIntake>();
        for (var c = 0; c < data.Competitors.Count; c++)
        {
            var competitor = data.Competitors[c];
            var joinedAt = now.AddDays(-28 + (3 * c));
            var user = await CreateUserAsync(users, competitor.Email, competitor.UserName);
            var team = new Team { ChallengeId = challenge.Id, Name = competitor.TeamName, CreatedAt = joinedAt };
            db.Teams.Add(team);
            db.Participants.Add(new Participant { ChallengeId = challenge.Id, UserId = user.Id, TeamId = team.Id, JoinedAt = joinedAt });
            await db.SaveChangesAsync(cancellationToken);
            var count = competitor.PredictionsCsv.Count;
            for (var i = 0; i < count; i++)
            {
                var receivedAt = joinedAt + ((now.AddDays(-1) - joinedAt) * ((i + 0.5) / count));
                await using var upload = await SpoolAsync(competitor.PredictionsCsv[i], cancellationToken);
                await intake.AcceptAsync(phase, team.Id, user.Id, upload, $"predictions-v{i + 1}.csv", null, receivedAt, cancellationToken);
            }
        }
        await DemoCodePhase.SeedAsync(services, challenge, data, now, cancellationToken);
        return phase.Id;
    }

    private async Task<User> CreateUserAsync(UserManager<User> users, string email, string displayName)
    {
        if (await users.FindByEmailAsync(email) is { } existing) return existing;
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, options.Value.Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    private static Task<SpooledUpload> SpoolAsync(string content, CancellationToken cancellationToken)
        => SpooledUpload.ReceiveAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), long.MaxValue, cancellationToken);

    private static async Task<List<string>> CompetitorEmailsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DataChallengeDbContext>();
        return await db.Participants
            .Where(p => db.Challenges.Any(c => c.Id == p.ChallengeId && c.Slug == Slug))
            .Join(db.Users, p => p.UserId, u => u.Id, (_, u) => u.Email!)
            .OrderBy(e => e).ToListAsync(cancellationToken);
    }

    private void PrintWelcome(Guid phaseId, IEnumerable<string> competitorEmails)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var accounts = string.Join(Environment.NewLine, competitorEmails.Select(e => $"    competitor  {e}"));
        Console.WriteLine($"""

            DataChallenge is running at {address}
              Live leaderboard of the demo challenge:  {address}/board/{phaseId}
              API reference:                           {address}/docs   (OpenAPI: {address}/openapi/v1.json)
              Demo accounts (password "{options.Value.Password}"):
                organiser   {options.Value.OrganiserEmail}
            {accounts}

            """);
    }
}
