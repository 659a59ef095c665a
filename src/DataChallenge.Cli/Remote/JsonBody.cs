using System.Text.Json;

namespace DataChallenge.Cli.Remote;

/// <summary>An answer's JSON body when it has one: actions such as reveal may answer 204 with nothing to read.</summary>
internal static class JsonBody
{
    public static async Task<JsonElement?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
