using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DataChallenge.Cli.Remote;

/// <summary>The CLI's JSON, generated at build time: no reflection, so the tool can be compiled ahead of time.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(CliConfig))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class CliJson : JsonSerializerContext;
