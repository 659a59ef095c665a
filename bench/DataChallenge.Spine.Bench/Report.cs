namespace DataChallenge.Spine.Bench;

/// <summary>The aligned text block each measurement adds to; printed at the end and optionally saved.</summary>
public sealed class Report
{
    private readonly List<string> _lines = [];

    public void Title(string text) => _lines.AddRange(["", text, new string('-', text.Length)]);

    public void Line(string label, string value) => _lines.Add($"  {label,-36}{value}");

    public void Note(string text) => _lines.Add("  " + text);

    public override string ToString() => string.Join('\n', _lines) + "\n";
}
