using DataChallenge.Api.Features.Accounts;
using DataChallenge.Api.Features.Administrators;
using DataChallenge.Api.Features.Announcements;
using DataChallenge.Api.Features.Bundles;
using DataChallenge.Api.Features.Challenges;
using DataChallenge.Api.Features.Closing;
using DataChallenge.Api.Features.CodePhases;
using DataChallenge.Api.Features.FinalistComparisons;
using DataChallenge.Api.Features.Judging;
using DataChallenge.Api.Features.Notifications;
using DataChallenge.Api.Features.Phases;
using DataChallenge.Api.Features.PublicData;
using DataChallenge.Api.Features.Registration;
using DataChallenge.Api.Features.SubmissionResults;
using DataChallenge.Api.Features.Status;
using DataChallenge.Api.Features.Submissions;
using DataChallenge.Api.Features.Teams;
using DataChallenge.Api.Features.Tokens;
using DataChallenge.Api.Http;
using DataChallenge.Api.Jobs;
using DataChallenge.Api.Mail;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace DataChallenge.Api;

/// <summary>The "api" role: accounts, challenges, uploads, the OpenAPI document and the scheduled jobs.</summary>
public static class ApiRole
{
    public static IServiceCollection AddApiRole(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddSignIn(configuration, dataFolder);
        services.AddMail(configuration, dataFolder);
        services.AddRateLimits(configuration);
        // Page forms are small; bigger fields are refused before they are buffered (uploads stream through UploadBody instead).
        services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = 1024 * 1024;
            form.ValueCountLimit = 256;
            form.MultipartBodyLengthLimit = 8 * 1024 * 1024;
        });
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityScheme>());

        services.AddScoped<SubmissionDispatcher>();
        services.AddScoped<SubmissionIntake>();
        services.AddScoped<SubmissionQuota>();
        services.AddScoped<PublicFileStore>();
        services.AddScoped<CodeDataStore>();
        services.Configure<SubmissionRecoveryOptions>(configuration.GetSection(SubmissionRecoveryOptions.Section));
        services.AddScoped<FinalistComparisonStarter>();
        services.Configure<FinalistComparisonOptions>(configuration.GetSection(FinalistComparisonOptions.Section));

        services.AddRecurringJobs(configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Postgres);
        services.AddWebPages();
        return services;
    }

    /// <summary>
    /// Who is asking: accounts, session cookies, bearer and personal tokens, each checked against the account's stamp.
    /// The api role and every leaderboard replica need it (an organiser sees a draft's or the private board on any
    /// replica); they share the keys that protect sessions.
    /// </summary>
    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddIdentityApiEndpoints<User>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                // Length over character classes, as current password guidance recommends.
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<DataChallengeDbContext>()
            .AddUserManager<AccountUserManager>()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName);
        services.AddPersonalTokens();
        // The pages read the session cookie directly: its stamp is checked on every request too, so a reset ends it at once.
        services.Configure<SecurityStampValidatorOptions>(stamps => stamps.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(cookie => cookie.Events.OnValidatePrincipal = CheckedSessionHandler.ValidateCookieAsync);
        services.AddSharedDataProtection(configuration, dataFolder);
        services.AddAuthorization();
        return services;
    }

    /// <summary>After authentication: cookie-signed API changes must come from our pages, and limits are per account or client.</summary>
    public static void UseApiGuards(this WebApplication app)
    {
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseRateLimiter();
    }

    public static void MapApi(this WebApplication app)
    {
        app.MapAccounts();
        app.MapTokens();
        app.MapChallenges();
        app.MapRegistration();
        app.MapRegistrationQuestions();
        app.MapTeams();
        app.MapCollaborators();
        app.MapChallengeApproval();
        app.MapAdministrators();
        app.MapPhases();
        app.MapScoringPrograms();
        app.MapCodePhases();
        app.MapCodeRunLogs();
        app.MapCodeRuns();
        app.MapPublicData();
        app.MapBundles();
        app.MapSubmissions();
        app.MapJudging();
        app.MapFinalistComparisons();
        app.MapNotifications();
        app.MapUnsubscribe();
        app.MapAnnouncements();
        app.MapSubmissionResults();
        app.MapClosing();
        app.MapStatus();
        app.MapWebPages();
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", scalar => scalar.WithTitle("DataChallenge API"));
        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>());
    }
}
