using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Leaderboard.Tests;

/// <summary>A board read goes gzipped to the clients that accept it, as browsers do, and as plain JSON to the rest.</summary>
public sealed class BoardReadCompressionTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private Guid _phaseId;

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await _organiser.CreateChallengeAsync();
        _phaseId = await _organiser.CreateSamplePhaseAsync(slug);
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(slug);
        await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(_phaseId, SampleFiles.Predictions(swaps: 2)));
    }

    [Fact]
    public async Task BoardRead_IsTheSameJsonGzipped_WhenTheClientAcceptsGzip()
    {
        // The score's interval arrives as a change of its own: read both ways until they hold the same version.
        (HttpResponseMessage Response, byte[] Body) plain, zipped;
        do
        {
            plain = await ReadAsync(acceptEncoding: null);
            zipped = await ReadAsync("gzip, deflate, br");
        }
        while (Version(plain.Body) != Version(Decoded(zipped)));

        Assert.Empty(plain.Response.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], zipped.Response.Content.Headers.ContentEncoding);
        Assert.All([plain.Response, zipped.Response], r => Assert.Contains("Accept-Encoding", r.Headers.Vary));
        Assert.Equal(plain.Body, Decoded(zipped));
        Assert.True(zipped.Body.Length < plain.Body.Length, $"gzipped {zipped.Body.Length} B, plain {plain.Body.Length} B");
    }

    [Theory]
    [InlineData("gzip;q=0")]
    [InlineData("identity")]
    [InlineData("br")]
    public async Task BoardRead_IsPlainJson_WhenTheClientDoesNotAcceptGzip(string acceptEncoding)
    {
        var (response, body) = await ReadAsync(acceptEncoding);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True(Version(body) > 0);
    }

    [Fact]
    public async Task OrganisersView_IsNeverCompressed_SoItsLengthTellsNothingOfTheNamesItHolds()
    {
        var (response, body) = await ReadAsync("gzip", _organiser.Client);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True(Version(body) > 0);
    }

    private async Task<(HttpResponseMessage, byte[])> ReadAsync(string? acceptEncoding, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/phases/{_phaseId}/leaderboard");
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await (client ?? _server.CreateClient()).SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static long Version(byte[] json) => JsonDocument.Parse(json).RootElement.GetProperty("version").GetInt64();

    private static byte[] Decoded((HttpResponseMessage Response, byte[] Body) read)
    {
        if (!read.Response.Content.Headers.ContentEncoding.Contains("gzip")) return read.Body;
        using var plain = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(read.Body), CompressionMode.Decompress)) gzip.CopyTo(plain);
        return plain.ToArray();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
