namespace DataChallenge.Server.Demo;

/// <summary>The demo challenge seeded on first run; on by default only in the embedded default run (no database, no data folder set).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; } = true;

    public string OrganiserEmail { get; set; } = "organiser@demo.example.org";

    /// <summary>Demo accounts share this password; they exist to be tried, not to be protected.</summary>
    public string Password { get; set; } = "demo-password-2026";
}
