using DataChallenge.Api.Features.Accounts;
using DataChallenge.Api.Features.Notifications;
using DataChallenge.Api.Jobs;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Challenges;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Mail;

public static class MailRegistration
{
    /// <summary>Account mail and notifications, queued as jobs: over SMTP when <c>Mail:Smtp:Host</c> is set, as <c>.eml</c> files under <c>&lt;DataFolder&gt;/mail</c> otherwise.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddOptions<PlatformOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.AddSingleton<IValidateOptions<PlatformOptions>, MailOptionsValidation>();
        services.AddOptions<PasswordResetTokenOptions>().Bind(configuration.GetSection(PasswordResetTokenOptions.Section));
        services.AddSingleton<IMailTransport>(provider => string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
            ? new EmlFolderMailTransport(Path.Combine(dataFolder, "mail"), provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<EmlFolderMailTransport>>())
            : ActivatorUtilities.CreateInstance<SmtpMailTransport>(provider));
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<AccountMailComposer>();
        services.AddScoped<SendAccountMailJob>();
        services.AddSingleton<IAccountMail, HangfireAccountMail>();
        services.AddSingleton<IEmailSender<User>, IdentityMailSender>();
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<NotificationMailComposer>();
        services.AddScoped<NotificationContent>();
        services.AddSingleton<UnsubscribeTokens>();
        return services;
    }
}
