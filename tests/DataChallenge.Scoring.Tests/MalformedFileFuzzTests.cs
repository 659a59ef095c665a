using System.Text;
using static DataChallenge.Scoring.Tests.ScoringFixture;

namespace DataChallenge.Scoring.Tests;

/// <summary>
/// Damaged files must end in a report or a <see cref="SubmissionRejectedException"/> with a line inside the file,
/// never in another exception, and a damaged labels file must never leak a label value into the message.
/// </summary>
public sealed class MalformedFileFuzzTests
{
    private static readonly byte[] Alphabet = "0123456789.,\"\r\n \te-+xNa\uFEFF"u8.ToArray().Concat(new byte[] { 0xC3, 0xFF, 0x80 }).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Score_RejectsOrScores_WhenPredictionsAreDamaged(int seed)
    {
        var (labels, predictions) = ScorerTests.NoisyBinary(30);
        var labelBytes = Encoding.UTF8.GetBytes(labels);
        var random = new Random(seed);
        for (var round = 0; round < 250; round++)
        {
            var damaged = Damage(Encoding.UTF8.GetBytes(predictions), random);
            var lines = damaged.Count(b => b == (byte)'\n') + 1;
            try
            {
                var report = ScoreBytes(labelBytes, damaged);
                Assert.Equal(30, report.Rows);
            }
            catch (SubmissionRejectedException error)
            {
                Assert.Equal("predictions", error.File);
                Assert.InRange(error.Line, 0, lines);
                Assert.False(string.IsNullOrWhiteSpace(error.Rule));
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Score_NeverLeaksLabels_WhenLabelsAreDamaged(int seed)
    {
        // Truth values are written as distinctive tokens so any echo of one in a message is visible.
        const string labels = "id,target\nr1,0.0000\nr2,1.0000\nr3,0.0000\nr4,1.0000\n";
        const string predictions = "id,target\nr1,0.1\nr2,0.9\nr3,0.2\nr4,0.8\n";
        var random = new Random(seed);
        for (var round = 0; round < 250; round++)
        {
            var damaged = Damage(Encoding.UTF8.GetBytes(labels), random);
            try
            {
                ScoreBytes(damaged, Encoding.UTF8.GetBytes(predictions));
            }
            catch (SubmissionRejectedException error)
            {
                var text = Encoding.UTF8.GetString(damaged);
                foreach (var field in text.Split('\n').Skip(1).SelectMany(l => l.Split(',').Skip(1)))
                {
                    var value = field.Trim();
                    if (value.Length >= 3) Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
                }
            }
        }
    }

    private static byte[] Damage(byte[] data, Random random)
    {
        var list = data.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && list.Count > 0; e++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0: list.RemoveAt(at); break;
                case 1: list.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                case 2: list[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                default: list.RemoveRange(at, list.Count - at); break;
            }
        }

        return [.. list];
    }
}
