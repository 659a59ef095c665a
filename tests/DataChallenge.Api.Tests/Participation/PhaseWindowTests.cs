using System.Net;
using System.Net.Http.Json;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Api.Tests.Participation;

/// <summary>A submission is accepted iff the server's receipt time is in [opensAt, closesAt).</summary>
public sealed class PhaseWindowTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OpensAt = Start.AddMinutes(10);
    private static readonly DateTimeOffset ClosesAt = Start.AddMinutes(20);
    private readonly FakeTimeProvider _clock = new(Start);
    private ServerFactory _server = null!;
    private ApiSession _organiser = null!;
    private ApiSession _team = null!;
    private string _slug = "";

    public async ValueTask InitializeAsync()
    {
        _server = new ServerFactory { ConfigureServices = services => services.AddSingleton<TimeProvider>(_clock) };
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
        _team = await ApiSession.RegisterAsync(_server.CreateClient());
        await _team.JoinAsync(_slug);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData(-1, HttpStatusCode.Forbidden)]
    [InlineData(0, HttpStatusCode.Accepted)]
    [InlineData(1, HttpStatusCode.Accepted)]
    public async Task Submit_FollowsTheOpeningInstant_ToTheTick(long ticksAfterOpening, HttpStatusCode expected)
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, OpensAt, ClosesAt);
        _clock.SetUtcNow(OpensAt.AddTicks(ticksAfterOpening));

        var response = await _team.SubmitRawAsync(phaseId, SampleFiles.Predictions());

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(-1, HttpStatusCode.Accepted)]
    [InlineData(0, HttpStatusCode.Forbidden)]
    [InlineData(1, HttpStatusCode.Forbidden)]
    public async Task Submit_FollowsTheClosingInstant_ToTheTick(long ticksAfterClosing, HttpStatusCode expected)
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, OpensAt, ClosesAt);
        _clock.SetUtcNow(ClosesAt.AddTicks(ticksAfterClosing));

        var response = await _team.SubmitRawAsync(phaseId, SampleFiles.Predictions());

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
            Assert.Contains("closed at", (await response.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AcceptsInBothPhases_WhenPhasesOverlap()
    {
        var track1 = await _organiser.CreateReadyPhaseAsync(_slug, OpensAt, ClosesAt, name: "Track 1");
        var track2 = await _organiser.CreateReadyPhaseAsync(_slug, OpensAt.AddMinutes(5), null, name: "Track 2");
        _clock.SetUtcNow(OpensAt.AddMinutes(6));

        Assert.Equal(HttpStatusCode.Accepted, (await _team.SubmitRawAsync(track1, SampleFiles.Predictions())).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _team.SubmitRawAsync(track2, SampleFiles.Predictions())).StatusCode);
        _clock.SetUtcNow(ClosesAt.AddMinutes(30));
        Assert.Equal(HttpStatusCode.Forbidden, (await _team.SubmitRawAsync(track1, SampleFiles.Predictions())).StatusCode);
        // A phase with no end is a standing benchmark: still open.
        Assert.Equal(HttpStatusCode.Accepted, (await _team.SubmitRawAsync(track2, SampleFiles.Predictions())).StatusCode);
    }

    [Fact]
    public async Task Update_MovesTheWindowAndIsAudited_WhenAnOrganiserEditsThePhase()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, OpensAt, ClosesAt);
        _clock.SetUtcNow(OpensAt.AddMinutes(1));
        var newClose = OpensAt.AddMinutes(2);

        var update = await _organiser.Client.PutAsJsonAsync($"/api/phases/{phaseId}", new
        {
            name = "Main, shortened", opensAt = OpensAt, closesAt = newClose, maxSubmissionsPerDay = 3, maxSubmissionsTotal = (int?)null,
        });

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var phase = await update.JsonAsync();
        Assert.Equal(3, phase.GetProperty("maxSubmissionsPerDay").GetInt32());
        Assert.Equal(50, phase.GetProperty("maxRejectedPerDay").GetInt32());
        _clock.SetUtcNow(newClose);
        Assert.Equal(HttpStatusCode.Forbidden, (await _team.SubmitRawAsync(phaseId, SampleFiles.Predictions())).StatusCode);
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "phase.updated" && e.Subject == $"phase:{phaseId}");
        Assert.Contains("name=Main, shortened", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(OpensAt.AddMinutes(1), entry.At);
    }

    [Fact]
    public async Task Update_Answers400_WhenThePhaseWouldCloseBeforeItOpens()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, OpensAt, ClosesAt);

        var update = await _organiser.Client.PutAsJsonAsync($"/api/phases/{phaseId}", new { name = "Main", opensAt = ClosesAt, closesAt = OpensAt });

        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
    }
}
