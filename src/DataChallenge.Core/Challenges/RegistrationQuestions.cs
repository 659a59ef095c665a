using DataChallenge.Core.Audit;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Challenges;

/// <summary>An answer refused at registration, naming the question so that the person knows what to fix.</summary>
public sealed record AnswerProblem(Guid QuestionId, string Prompt, string Message);

/// <summary>
/// The rules for registration questions, shared by the API and the pages: what organisers may ask, and which answers
/// a registration needs. Answers are checked before anything is written, so a refused registration leaves no trace.
/// </summary>
public static class RegistrationQuestions
{
    public const int MaxQuestions = 10;
    public const int MaxPromptLength = 4000;
    public const int MaxAnswerLength = 2000;

    /// <summary>The value kept for a ticked agreement box.</summary>
    public const string Ticked = "yes";

    public static string KindName(RegistrationQuestionKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseKind(string? text, out RegistrationQuestionKind kind)
        => Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);

    /// <summary>The longest answer a question of this kind takes: one line for names, more for free text.</summary>
    public static int MaxLength(RegistrationQuestionKind kind) => kind switch
    {
        RegistrationQuestionKind.Affiliation => 200,
        RegistrationQuestionKind.Country => 100,
        RegistrationQuestionKind.Agreement => Ticked.Length,
        _ => MaxAnswerLength,
    };

    public static Task<List<RegistrationQuestion>> OfAsync(DataChallengeDbContext db, Guid challengeId, CancellationToken cancellationToken)
        => db.RegistrationQuestions.AsNoTracking().Where(q => q.ChallengeId == challengeId).OrderBy(q => q.Position).ToListAsync(cancellationToken);

    public static EditProblem? Check(string? kind, string? prompt, int existing)
    {
        if (existing >= MaxQuestions) return new("Questions", $"A challenge asks at most {MaxQuestions} questions.");
        if (!TryParseKind(kind, out _)) return new("Kind", "The kind is affiliation, country, text or agreement.");
        if (string.IsNullOrWhiteSpace(prompt) || prompt.Length > MaxPromptLength) return new("Prompt", $"The question has 1 to {MaxPromptLength} characters.");
        return null;
    }

    /// <summary>Adds a checked question after the others and records it; the caller saves. An agreement is always required.</summary>
    public static RegistrationQuestion Add(DataChallengeDbContext db, Guid challengeId, IReadOnlyList<RegistrationQuestion> existing, string kind, string prompt,
        bool required, Guid? actorId, DateTimeOffset now)
    {
        TryParseKind(kind, out var parsed);
        var question = new RegistrationQuestion
        {
            ChallengeId = challengeId, Kind = parsed, Prompt = prompt.Trim(), Required = required || parsed == RegistrationQuestionKind.Agreement,
            Position = existing.Count == 0 ? 0 : existing.Max(q => q.Position) + 1,
        };
        db.RegistrationQuestions.Add(question);
        db.Record(challengeId, actorId, "question.added", $"question:{question.Id}", $"{KindName(parsed)}: {Shorten(question.Prompt)}", now);
        return question;
    }

    /// <summary>Removes a question with the answers given to it, and records it; false when the challenge has no such question.</summary>
    public static async Task<bool> RemoveAsync(DataChallengeDbContext db, Guid challengeId, Guid questionId, Guid? actorId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var question = await db.RegistrationQuestions.FirstOrDefaultAsync(q => q.ChallengeId == challengeId && q.Id == questionId, cancellationToken);
        if (question is null) return false;
        db.RegistrationAnswers.RemoveRange(db.RegistrationAnswers.Where(a => a.QuestionId == questionId));
        db.RegistrationQuestions.Remove(question);
        db.Record(challengeId, actorId, "question.removed", $"question:{question.Id}", Shorten(question.Prompt), now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Checks the answers to every question, in order; returns the first refusal, or the answers to keep (blank optional
    /// answers are left out). Answers to questions the challenge does not ask are ignored.
    /// </summary>
    public static AnswerProblem? Check(IReadOnlyList<RegistrationQuestion> questions, IReadOnlyDictionary<Guid, string?>? answers,
        out List<RegistrationAnswer> kept, Guid challengeId, Guid userId)
    {
        kept = [];
        foreach (var question in questions)
        {
            var value = answers?.GetValueOrDefault(question.Id)?.Trim();
            if (question.Kind == RegistrationQuestionKind.Agreement)
            {
                if (!IsTicked(value)) return new(question.Id, question.Prompt, $"Tick the box '{Shorten(question.Prompt)}' to register.");
                value = Ticked;
            }
            else if (string.IsNullOrEmpty(value))
            {
                if (question.Required) return new(question.Id, question.Prompt, $"Answer the question '{Shorten(question.Prompt)}'.");
                continue;
            }
            else if (value.Length > MaxLength(question.Kind))
            {
                return new(question.Id, question.Prompt, $"The answer to '{Shorten(question.Prompt)}' has at most {MaxLength(question.Kind)} characters.");
            }
            kept.Add(new RegistrationAnswer { ChallengeId = challengeId, UserId = userId, QuestionId = question.Id, Value = value });
        }
        return null;
    }

    // A form's checkbox sends "on" or its value; a script sends true or yes.
    private static bool IsTicked(string? value)
        => value is not null && (value.Equals(Ticked, StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("on", StringComparison.OrdinalIgnoreCase));

    /// <summary>A prompt short enough for a title or an audit line; agreements can be long.</summary>
    public static string Shorten(string prompt) => prompt.Length <= 80 ? prompt : prompt[..77] + "...";
}
