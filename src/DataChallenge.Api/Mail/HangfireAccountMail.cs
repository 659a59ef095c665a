using DataChallenge.Api.Jobs;
using DataChallenge.Core.Accounts;
using Hangfire;

namespace DataChallenge.Api.Mail;

/// <summary>Queues account mail as a job: the request answers at once, and a mail server that is down only delays it.</summary>
public sealed class HangfireAccountMail(IBackgroundJobClient jobs) : IAccountMail
{
    public void Queue(AccountMailKind kind, string address, string language, Guid? userId = null)
        => jobs.Enqueue<SendAccountMailJob>(job => job.RunAsync(kind, address, language, userId, CancellationToken.None));
}
