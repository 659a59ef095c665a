using System.Security.Cryptography;

namespace DataChallenge.Core.Challenges;

/// <summary>A data challenge: the problem, its organisers, its phases, and who may see and join it.</summary>
public sealed class Challenge
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public required Guid OwnerId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<Phase> Phases { get; init; } = [];

    public ChallengeVisibility Visibility { get; set; } = ChallengeVisibility.Public;

    /// <summary>The secret of an unlisted challenge's link (<c>?key=</c>); random, never derived from the slug.</summary>
    public string AccessKey { get; set; } = NewSecret();

    /// <summary>Registrations wait in <see cref="ParticipantStatus.Pending"/> until an organiser decides.</summary>
    public bool RequiresApproval { get; set; }

    /// <summary>Null: teams of any size.</summary>
    public int? MaxTeamSize { get; set; }

    /// <summary>The current terms version; 0 while no terms were published.</summary>
    public int TermsVersion { get; set; }

    /// <summary>When a platform administrator approved the challenge; only matters where approval is required.</summary>
    public DateTimeOffset? PlatformApprovedAt { get; set; }

    /// <summary>The visibility that applies: a challenge awaiting the platform's approval stays a draft.</summary>
    public ChallengeVisibility EffectiveVisibility(bool platformApprovalRequired)
        => platformApprovalRequired && PlatformApprovedAt is null ? ChallengeVisibility.Draft : Visibility;

    /// <summary>160 random bits as 32 URL-safe characters: unguessable, short enough to paste.</summary>
    public static string NewSecret()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[32];
        // Base32: five bits per character.
        for (var i = 0; i < 32; i++)
        {
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | (bit / 8 + 1 < 20 ? bytes[bit / 8 + 1] : 0)) >> (11 - bit % 8);
            chars[i] = alphabet[value & 31];
        }
        return new string(chars);
    }
}
