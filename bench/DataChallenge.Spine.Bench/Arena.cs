namespace DataChallenge.Spine.Bench;

/// <summary>One challenge with a phase whose hidden labels are in place, and the means to bring teams into it.</summary>
public sealed class Arena(Uri server, HttpClient http, SpineClient organiser, string slug, Guid phaseId, BenchFiles files, MailBox? mail)
{
    public Uri Server => server;
    public HttpClient Http => http;
    public SpineClient Organiser => organiser;
    public string Slug => slug;
    public Guid PhaseId => phaseId;
    public BenchFiles Files => files;

    public static async Task<Arena> CreateAsync(Uri server, HttpClient http, BenchFiles files, MailBox? mail, CancellationToken cancellationToken)
    {
        var organiser = await SpineClient.RegisterAsync(http, "organiser", null, cancellationToken);
        var slug = await organiser.CreateChallengeAsync(cancellationToken);
        var phaseId = await organiser.CreatePhaseAsync(slug, maxFileBytes: null, cancellationToken);
        await organiser.UploadLabelsAsync(phaseId, files.LabelsCsv(), cancellationToken);
        return new Arena(server, http, organiser, slug, phaseId, files, mail);
    }

    /// <param name="otherSlug">Another challenge of the same server to join instead of the arena's.</param>
    public async Task<(SpineClient Client, Guid TeamId)> NewTeamAsync(string name, CancellationToken cancellationToken, string? otherSlug = null)
    {
        var client = await SpineClient.RegisterAsync(http, name, mail, cancellationToken);
        var teamId = await client.JoinAsync(otherSlug ?? slug, $"{name}-{Guid.NewGuid():N}"[..30], cancellationToken);
        return (client, teamId);
    }
}
