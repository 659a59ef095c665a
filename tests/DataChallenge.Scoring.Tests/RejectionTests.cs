using System.Text;
using static DataChallenge.Scoring.Tests.ScoringFixture;

namespace DataChallenge.Scoring.Tests;

/// <summary>One test per input rule: each rejection names the file, the line, the column and the rule.</summary>
public sealed class RejectionTests
{
    private const string Labels = "id,target\n1,0\n2,1\n3,0\n";

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("\uFEFF", "byte order mark")]
    [InlineData("id,target\n", "header but no rows")]
    [InlineData("id,target\n\n\n", "header but no rows")]
    public void Score_RejectsPredictions_WhenFileHasNoRows(string predictions, string rule)
    {
        var error = Rejection(Labels, predictions);

        Assert.Equal("predictions", error.File);
        Assert.Equal(0, error.Line);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id\n1\n2\n3\n", "target", "has no column 'target'")]
    [InlineData("id,target,extra\n1,0.1,x\n2,0.2,x\n3,0.3,x\n", "extra", "unexpected column 'extra'")]
    [InlineData("id,Target\n1,0.1\n2,0.2\n3,0.3\n", "target", "it has 'Target' instead")]
    [InlineData("id,target,target\n1,0.1,0.1\n2,0.2,0.2\n3,0.3,0.3\n", "target", "appears more than once in the header")]
    [InlineData("id,,target\n1,,0.1\n", null, "has no name")]
    public void Score_RejectsHeader_WhenColumnsDoNotMatch(string predictions, string? column, string rule)
    {
        var error = Rejection(Labels, predictions);

        Assert.Equal(1, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,target\n1,0.1\n2\n3,0.3\n", 3, null, "has 1 field but the header has 2")]
    [InlineData("id,target\n1,0.1\n2,0.2,0.5\n3,0.3\n", 3, null, "has 3 fields but the header has 2")]
    [InlineData("id,target\n1,0.1\n2,\"0.2\n3,0.3\n", 3, "target", "never closed")]
    [InlineData("id,target\n1,0.1\n2,0\"2\n3,0.3\n", 3, "target", "quote inside an unquoted field")]
    [InlineData("id,target\n1,0.1\n2,\"0.2\"x\n3,0.3\n", 3, "target", "after a closing quote")]
    [InlineData("id,target\n1,0.1\n\n2,0.2\n3,0.3\n", 3, null, "blank")]
    [InlineData("id,target\n1,0.1\r2,0.2\n3,0.3\n", 2, "target", "carriage return")]
    [InlineData("id,target\n1,0.1\n2,NaN\n3,0.3\n", 3, "target", "'NaN' is not a number")]
    [InlineData("id,target\n1,0.1\n2,nan\n3,0.3\n", 3, "target", "'nan' is not a number")]
    [InlineData("id,target\n1,0.1\n2,inf\n3,0.3\n", 3, "target", "'inf' is not a number")]
    [InlineData("id,target\n1,0.1\n2,-Infinity\n3,0.3\n", 3, "target", "'-Infinity' is not a number")]
    [InlineData("id,target\n1,0.1\n2,\n3,0.3\n", 3, "target", "the field is empty")]
    [InlineData("id,target\n1,0.1\n2,high\n3,0.3\n", 3, "target", "'high' is not a number")]
    [InlineData("id,target\n1,0.1\n2,\"0,2\"\n3,0.3\n", 3, "target", "'0,2' is not a number")]
    [InlineData("id,target\n1,0.1\n2,1e999\n3,0.3\n", 3, "target", "'1e999' is not a number")]
    [InlineData("id,target\n1,0.1\n2,1.5\n3,0.3\n", 3, "target", "'1.5' is not a probability")]
    [InlineData("id,target\n1,0.1\n2,-0.01\n3,0.3\n", 3, "target", "'-0.01' is not a probability")]
    [InlineData("id,target\n1,0.1\n2,0.2\n1,0.3\n", 4, "id", "'1' appears more than once")]
    [InlineData("id,target\n1,0.1\n2,0.2\n3,0.3\n004,0.3\n", 5, "id", "1 id of your file is not in the test set, for example '004' (line 5)")]
    [InlineData("id,target\n1,0.1\n,0.2\n3,0.3\n", 3, "id", "the id is empty")]
    public void Score_RejectsPredictionRow_WhenARuleIsBroken(string predictions, long line, string? column, string rule)
    {
        var error = Rejection(Labels, predictions);

        Assert.Equal("predictions", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NamesMissingIds_WhenPredictionsLackSome()
    {
        var error = Rejection("id,target\n1,0\n2,1\n3,0\n4,1\n5,0\n", "id,target\n2,0.5\n");

        Assert.Equal("id", error.Column);
        Assert.Contains("4 ids of the test set are missing from your file, for example '1', '3', '4'", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ComparesIdsExactly_WhenTheyDifferByCaseOrLeadingZeros()
    {
        var error = Rejection("id,target\nalpha,0\n7,1\n", "id,target\nAlpha,0.5\n007,0.5\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("2 ids of your file are not in the test set, for example 'Alpha' (line 2), '007' (line 3)", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_RejectsInvalidUtf8_WhenAByteSequenceIsBroken()
    {
        var predictions = Encoding.UTF8.GetBytes("id,target\n1,0.1\n2,0.2\n3,0.3\n");
        predictions[16] = 0xFF; // the id "2" on line 3

        var error = RejectionBytes(Encoding.UTF8.GetBytes(Labels), predictions);

        Assert.Equal(3, error.Line);
        Assert.Equal("id", error.Column);
        Assert.Contains("not valid UTF-8", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ReportsTheLineOfTheField_WhenAQuotedFieldSpansLines()
    {
        var error = Rejection("id,target\n\"a\nb\",0\nc,1\n", "id,target\n\"a\nb\",0.5\nc,oops\n");

        Assert.Equal(4, error.Line);
        Assert.Equal("target", error.Column);
    }

    [Theory]
    [InlineData("id,target\n1,0\n2,SECRET\n", 3, "target")]
    [InlineData("id,target\n1,0\n2,0.75\n", 3, "target")]
    [InlineData("id,target\n1,0\n2,NaN\n", 3, "target")]
    public void Score_NeverQuotesALabelValue_WhenTheLabelsFileIsRejected(string labels, long line, string column)
    {
        var hidden = labels.Split('\n')[2].Split(',')[1];

        var error = Rejection(labels, "id,target\n1,0.1\n2,0.2\n");

        Assert.Equal("labels", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.DoesNotContain(hidden, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NeverQuotesAClassLabel_WhenTheLabelsFileHoldsAnUnknownClass()
    {
        const string config = """
            {"task_type": "multiclass_label", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"],
             "classes": ["cat", "dog"], "metrics": ["accuracy"], "primary_metric": "accuracy"}
            """;

        var error = Rejection("id,y\n1,cat\n2,wolverine\n", "id,y\n1,cat\n2,dog\n", config);

        Assert.Equal(3, error.Line);
        Assert.DoesNotContain("wolverine", error.Message, StringComparison.Ordinal);
        Assert.Contains("not one of the classes", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_RejectsLabels_WhenSplitValueIsUnknown()
    {
        var error = Rejection("id,target,Usage\n1,0,Public\n2,1,Hidden\n", "id,target\n1,0.1\n2,0.2\n", BinarySplitConfig);

        Assert.Equal(("labels", 3L, "Usage"), (error.File, error.Line, error.Column));
        Assert.DoesNotContain("Hidden", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_RejectsLabels_WhenTheyHaveNoRows()
    {
        var error = Rejection("id,target\n", "id,target\n1,0.1\n");

        Assert.Equal(("labels", 0L), (error.File, error.Line));
        Assert.Contains("header but no rows", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_RejectsLabels_WhenAnIdRepeats()
    {
        var error = Rejection("id,target\n1,0\n2,1\n1,1\n", "id,target\n1,0.1\n2,0.2\n");

        Assert.Equal(("labels", 4L, "id"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Score_RejectsOneHotRow_WhenTwoClassesAreHot()
    {
        const string config = """
            {"task_type": "cost_matrix_onehot", "id_column": "f", "label_columns": ["0", "1"], "prediction_columns": ["0", "1"],
             "cost_matrix": [[0, 1], [1, 0]], "metrics": ["accuracy"], "primary_metric": "accuracy"}
            """;

        var error = Rejection("f,0,1\na,1,0\nb,0,1\n", "f,0,1\na,1,0\nb,1,1\n", config);

        Assert.Equal((3L, "1"), (error.Line, error.Column));
        Assert.Contains("more than one class column holds 1", error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ImageId,EncodedPixels\na,1 4\n", "ImageId,EncodedPixels\na,15 4\n", "predictions", "outside the image")]
    [InlineData("ImageId,EncodedPixels\na,15 4\n", "ImageId,EncodedPixels\na,1 4\n", "labels", "inside the image")]
    public void Score_RejectsMask_WhenARunLeavesTheImage(string labels, string predictions, string file, string rule)
    {
        const string config = """
            {"task_type": "rle_mask", "id_column": "ImageId", "label_columns": ["EncodedPixels"], "prediction_columns": ["EncodedPixels"],
             "height": 4, "width": 4, "metrics": ["dice_mean"], "primary_metric": "dice_mean"}
            """;

        var error = Rejection(labels, predictions, config);

        Assert.Equal((file, 2L, "EncodedPixels"), (error.File, error.Line, error.Column));
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        if (file == "labels") Assert.DoesNotContain("15", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,target\n1,0.1\n2,0.2\n3,0.3")]
    [InlineData("id,target\r\n1,0.1\r\n2,0.2\r\n3,0.3\r\n\r\n")]
    [InlineData("id,target\n1,0.1\n2,0.2\n3,0.3\n \n\t\n")]
    [InlineData("id,target\n1 , 0.1\n 2,\t0.2 \n3,+3e-1\n")]
    public void Score_Accepts_WhenOnlyTolerableVariationsArePresent(string predictions)
        => Assert.Equal(3, Score(Labels, predictions).Rows);
}
