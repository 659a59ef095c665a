using DataChallenge.Core.Accounts;

namespace DataChallenge.Api.Mail;

/// <summary>The words of each account mail, in English and French. <c>{0}</c> in an intro is the reset link's lifetime in minutes.</summary>
internal static class AccountMailTexts
{
    public sealed record Text(string Subject, string Intro, string Action, string Outro);

    public static Text For(AccountMailKind kind, string language) => (kind, language) switch
    {
        (AccountMailKind.Confirmation, "fr") => new("Confirmez votre adresse sur DataChallenge",
            "Bienvenue sur DataChallenge. Confirmez que cette adresse est la vôtre pour rejoindre des challenges, télécharger leurs données et soumettre :",
            "Confirmer mon adresse", "Si vous n’avez pas créé ce compte, ignorez ce message."),
        (AccountMailKind.Confirmation, _) => new("Confirm your address on DataChallenge",
            "Welcome to DataChallenge. Confirm that this address is yours to join challenges, download their data and submit:",
            "Confirm my address", "If you did not create this account, ignore this message."),
        (AccountMailKind.PasswordReset, "fr") => new("Choisissez un nouveau mot de passe DataChallenge",
            "Quelqu’un a demandé un nouveau mot de passe pour le compte de cette adresse. Ce lien sert une fois, pendant {0} minutes :",
            "Choisir un nouveau mot de passe", "Si ce n’était pas vous, ignorez ce message : votre mot de passe ne change pas."),
        (AccountMailKind.PasswordReset, _) => new("Choose a new DataChallenge password",
            "Someone asked for a new password for the account of this address. This link works once, for {0} minutes:",
            "Choose a new password", "If it was not you, ignore this message: your password does not change."),
        (AccountMailKind.RegistrationAttempt, "fr") => new("Quelqu’un a tenté de s’inscrire avec votre adresse",
            "Quelqu’un a tenté de créer un compte DataChallenge avec cette adresse, qui en a déjà un. Si c’était vous, connectez-vous, ou choisissez un nouveau mot de passe si vous l’avez oublié :",
            "Choisir un nouveau mot de passe", "Si ce n’était pas vous, vous n’avez rien à faire : votre compte ne change pas."),
        (AccountMailKind.RegistrationAttempt, _) => new("Someone tried to register with your address",
            "Someone tried to create a DataChallenge account with this address, which already has one. If it was you, sign in, or choose a new password if you forgot it:",
            "Choose a new password", "If it was not you, you need not do anything: your account does not change."),
        (AccountMailKind.AddressChange, "fr") => new("Confirmez votre nouvelle adresse sur DataChallenge",
            "Quelqu’un a demandé que son compte DataChallenge utilise désormais cette adresse. Si c’est vous, confirmez-la :",
            "Confirmer cette adresse", "Sinon, ignorez ce message : aucun compte n’utilisera cette adresse."),
        (AccountMailKind.AddressChange, _) => new("Confirm your new address on DataChallenge",
            "Someone asked for their DataChallenge account to use this address from now on. If it was you, confirm it:",
            "Confirm this address", "Otherwise, ignore this message: no account will use this address."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
