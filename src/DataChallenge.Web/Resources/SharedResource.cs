namespace DataChallenge.Web.Resources;

/// <summary>
/// Names the page strings. English text is the key itself, so only the French file lists translations; a missing
/// translation shows the English sentence rather than a blank.
/// </summary>
public sealed class SharedResource;
