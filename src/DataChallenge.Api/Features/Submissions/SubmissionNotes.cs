using DataChallenge.Core.Submissions;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>The rule for a submission's note: at most <see cref="Submission.MaxNoteLength"/> characters, no control characters but line breaks.</summary>
public static class SubmissionNotes
{
    /// <summary>False when the note is too long; an empty note becomes null.</summary>
    public static bool TryClean(string? note, out string? cleaned)
    {
        cleaned = note is null ? null : new string(note.Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
        if (cleaned is { Length: 0 }) cleaned = null;
        return cleaned is null || cleaned.Length <= Submission.MaxNoteLength;
    }
}
