using System.Net;
using System.Text;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Tests.Remote;

/// <summary>How HTTP answers become exit codes and one-sentence messages.</summary>
public sealed class ApiClientTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 4)]
    [InlineData(HttpStatusCode.InternalServerError, 5)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 5)]
    [InlineData(HttpStatusCode.NotFound, 1)]
    [InlineData(HttpStatusCode.Forbidden, 1)]
    [InlineData(HttpStatusCode.Unauthorized, 1)]
    public async Task GetJsonAsync_ThrowsWithTheExitCode_WhenTheServerAnswersAnError(HttpStatusCode status, int exitCode)
    {
        using var api = ClientAnswering(status, """{"title":"Something went wrong."}""");

        var failure = await Assert.ThrowsAsync<CliException>(() => api.GetJsonAsync("api/anything", TestContext.Current.CancellationToken));

        Assert.Equal(exitCode, failure.ExitCode);
    }

    [Fact]
    public async Task GetJsonAsync_JoinsTitleAndDetail_WhenTheAnswerIsAProblem()
    {
        using var api = ClientAnswering(HttpStatusCode.TooManyRequests, """{"title":"Daily quota used up.","detail":"Try again after 00:00 UTC."}""");

        var failure = await Assert.ThrowsAsync<CliException>(() => api.GetJsonAsync("api/anything", TestContext.Current.CancellationToken));

        Assert.Equal("Daily quota used up: Try again after 00:00 UTC.", failure.Message);
    }

    [Fact]
    public async Task GetJsonAsync_NamesTheStatus_WhenTheAnswerIsNotJson()
    {
        using var api = ClientAnswering(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        var failure = await Assert.ThrowsAsync<CliException>(() => api.GetJsonAsync("api/anything", TestContext.Current.CancellationToken));

        Assert.Equal("The server answered 502 Bad Gateway.", failure.Message);
    }

    [Fact]
    public void Create_Throws64_WhenTheServerIsNotAnHttpAddress()
    {
        var failure = Assert.Throws<CliException>(() => ApiClient.Create(new CliHost(), "ftp://example.org", null));

        Assert.Equal(64, failure.ExitCode);
    }

    private static ApiClient ClientAnswering(HttpStatusCode status, string body)
        => ApiClient.Create(new CliHost { CreateHandler = () => new Answer(status, body) }, "http://example.org", "dc_test");

    private sealed class Answer(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json"), RequestMessage = request });
    }
}
