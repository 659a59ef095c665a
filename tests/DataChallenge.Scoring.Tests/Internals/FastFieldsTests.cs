using System.Text;
using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests.Internals;

public sealed class FastFieldsTests
{
    [Theory]
    [InlineData("7,0.5,0.5,0.5", false, true, "7", 7L)]
    [InlineData("1234567,0.5,0.5", false, true, "1234567", 1234567L)]
    [InlineData("12345678,0.5,0.5", false, true, "12345678", 12345678L)]
    [InlineData("123456789012345678,0.5", false, true, "123456789012345678", 123456789012345678L)]
    [InlineData("1234567890123456789,0.5", false, true, "1234567890123456789", -1L)]
    [InlineData("007,0.5,0.5,0.5", false, true, "007", -1L)]
    [InlineData("0,0.5,0.5,0.5", false, true, "0", 0L)]
    [InlineData("alpha,0.5,0.5", false, true, "alpha", -1L)]
    [InlineData("12a4,0.5,0.5", false, true, "12a4", -1L)]
    [InlineData("1234\n0.5,0.5,0.5", true, true, "1234", 1234L)]
    [InlineData("1234\n0.5,0.5,0.5", false, false, "", -1L)]
    [InlineData("1234,0.5,0.5,0.5", true, false, "", -1L)]
    public void NextId_ReadsTheFieldAndItsIntegerValue_WhateverItsLength(string text, bool last, bool ok, string field, long integer)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var pos = 0;

        Assert.Equal(ok, FastFields.NextId(bytes, ref pos, last, out var read, out var value));
        if (!ok) return;
        Assert.Equal(field, Encoding.ASCII.GetString(read));
        Assert.Equal(integer, value);
        Assert.Equal(field.Length + 1, pos);
    }

    /// <summary>Ids near the end of a block, where fewer than eight bytes remain, read as they do elsewhere.</summary>
    [Fact]
    public void NextId_ReadsTheSame_WhenFewerThanEightBytesFollow()
    {
        foreach (var id in new[] { "5", "42", "1234", "0042" })
        {
            var near = Encoding.ASCII.GetBytes(id + ",1");
            var far = Encoding.ASCII.GetBytes(id + ",0.5,0.5,0.5");
            int nearPos = 0, farPos = 0;

            Assert.True(FastFields.NextId(near, ref nearPos, false, out var nearField, out var nearValue));
            Assert.True(FastFields.NextId(far, ref farPos, false, out var farField, out var farValue));
            Assert.Equal(farValue, nearValue);
            Assert.Equal(farPos, nearPos);
            Assert.True(nearField.SequenceEqual(farField));
        }
    }
}
