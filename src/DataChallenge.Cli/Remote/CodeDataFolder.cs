namespace DataChallenge.Cli.Remote;

/// <summary>One of a code phase's two data sets: its key under <c>code:</c> in a bundle, its upload route and its version field.</summary>
internal sealed record CodeDataKind(string Key, string Route, string VersionField, string Description)
{
    public static readonly CodeDataKind Inputs = new("inputs", "hidden-inputs", "inputsVersion", "hidden inputs");
    public static readonly CodeDataKind Smoke = new("smoke_data", "smoke-data", "smokeDataVersion", "smoke data");
}

/// <summary>A folder a bundle names for a code phase's data set, relative to the bundle; zipped and uploaded by <c>challenge push</c>.</summary>
internal sealed record CodeDataFolder(string Phase, CodeDataKind Kind, string Path)
{
    public static readonly CodeDataKind[] Kinds = [CodeDataKind.Inputs, CodeDataKind.Smoke];
}
