using System.Globalization;
using DataChallenge.Core.Notifications;

namespace DataChallenge.Api.Mail;

/// <summary>The words of each notification mail, in English and French. Only what its reader may see goes in.</summary>
internal static class NotificationMailTexts
{
    public sealed record FooterText(string Open, string Unsubscribe);

    public static FooterText Footer(string language) => language == "fr"
        ? new("Ouvrir le challenge", "Ne plus recevoir ce type de message pour ce challenge :")
        : new("Open the challenge", "Stop receiving this kind of mail for this challenge:");

    public static string KindName(NotificationKind kind, string language) => (kind, language == "fr") switch
    {
        (NotificationKind.SubmissionOutcomes, true) => "les résultats de vos soumissions",
        (NotificationKind.SubmissionOutcomes, false) => "the outcomes of your submissions",
        (NotificationKind.Reminders, true) => "les rappels d’ouverture et de clôture des phases",
        (NotificationKind.Reminders, false) => "reminders when phases open and close",
        (NotificationKind.Reveal, true) => "la révélation du classement privé",
        (NotificationKind.Reveal, false) => "the reveal of the private leaderboard",
        (NotificationKind.Announcements, true) => "les annonces des organisateurs",
        (_, _) => "the organisers' announcements",
    };

    public static (string Subject, string[] Paragraphs) Scored(string language, string challenge, string phase, string file, string? metric, double? score)
    {
        var shown = score is { } s ? s.ToString("G", CultureInfo.InvariantCulture) : null;
        return language == "fr"
            ? ($"{challenge} : votre soumission est notée", [$"Votre fichier {file} pour la phase « {phase} » est noté.",
                shown is null ? "Son score public ne change pas le score affiché de votre équipe." : $"Score public ({metric}) : {shown}"])
            : ($"{challenge}: your submission was scored", [$"Your file {file} for the phase \"{phase}\" was scored.",
                shown is null ? "Its public score does not change your team's shown score." : $"Public score ({metric}): {shown}"]);
    }

    public static (string Subject, string[] Paragraphs) Rejected(string language, string challenge, string phase, string file, string? reason) => language == "fr"
        ? ($"{challenge} : votre soumission est refusée", [$"Votre fichier {file} pour la phase « {phase} » est refusé.", $"Raison : {reason}"])
        : ($"{challenge}: your submission was rejected", [$"Your file {file} for the phase \"{phase}\" was rejected.", $"Reason: {reason}"]);

    // A failure's reason is the platform's, for organisers only: the mail says no more than that it failed.
    public static (string Subject, string[] Paragraphs) Failed(string language, string challenge, string phase, string file) => language == "fr"
        ? ($"{challenge} : votre soumission n’a pas pu être notée", [$"Votre fichier {file} pour la phase « {phase} » n’a pas pu être noté, par une erreur de la plateforme. Les organisateurs en sont informés ; elle ne compte pas dans votre quota."])
        : ($"{challenge}: your submission could not be scored", [$"Your file {file} for the phase \"{phase}\" could not be scored, through a fault of the platform. The organisers know; it does not count against your quota."]);

    public static (string Subject, string[] Paragraphs) PhaseOpened(string language, string challenge, string phase, DateTimeOffset? closesAt) => language == "fr"
        ? ($"{challenge} : la phase « {phase} » est ouverte", [$"La phase « {phase} » accepte les soumissions" + (closesAt is null ? "." : $" jusqu’au {When(closesAt.Value)}.")])
        : ($"{challenge}: the phase \"{phase}\" is open", [$"The phase \"{phase}\" accepts submissions" + (closesAt is null ? "." : $" until {When(closesAt.Value)}.")]);

    public static (string Subject, string[] Paragraphs) PhaseClosing(string language, string challenge, string phase, DateTimeOffset closesAt) => language == "fr"
        ? ($"{challenge} : la phase « {phase} » ferme bientôt", [$"La phase « {phase} » ferme le {When(closesAt)}. Pensez à choisir vos soumissions finales."])
        : ($"{challenge}: the phase \"{phase}\" closes soon", [$"The phase \"{phase}\" closes at {When(closesAt)}. Remember to choose your final submissions."]);

    public static (string Subject, string[] Paragraphs) Reveal(string language, string challenge, string phase) => language == "fr"
        ? ($"{challenge} : le classement privé est révélé", [$"Le classement privé de la phase « {phase} » est maintenant visible."])
        : ($"{challenge}: the private leaderboard is revealed", [$"The private leaderboard of the phase \"{phase}\" can now be read."]);

    public static string AnnouncementSubject(string challenge, string title) => $"{challenge}: {title}";

    private static string When(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
