using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DataChallenge.Sandbox;
using DataChallenge.Testing;

namespace DataChallenge.Sandbox.Tests;

public sealed class SafeArchiveTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "datachallenge-archive-tests", Guid.NewGuid().ToString("N"));

    private string Destination => Path.Combine(_parent, "program");

    public SafeArchiveTests() => Directory.CreateDirectory(_parent);

    public void Dispose()
    {
        try { Directory.Delete(_parent, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Extract_WritesFilesAndFolders_WhenTheArchiveIsPlain()
    {
        var zip = ProgramArchives.Zip(("score.py", "print(1)"), ("lib/util.py", "X = 2"));

        var summary = SafeArchive.Extract(new MemoryStream(zip), Destination, new ArchiveLimits());

        Assert.Equal(2, summary.Files);
        Assert.Equal("print(1)", File.ReadAllText(Path.Combine(Destination, "score.py")));
        Assert.Equal("X = 2", File.ReadAllText(Path.Combine(Destination, "lib", "util.py")));
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("lib/../../evil.txt")]
    [InlineData("..\\evil.txt")]
    [InlineData("/tmp/evil.txt")]
    [InlineData("C:/evil.txt")]
    [InlineData("./evil.txt")]
    public void Extract_RefusesBeforeWriting_WhenAnEntryEscapesItsFolder(string name)
    {
        // The safe entry comes first: a lazy extractor would already have written it.
        var zip = ProgramArchives.Zip(("score.py", "print(1)"), (name, "pwned"));

        var error = Assert.Throws<UnsafeArchiveException>(() => SafeArchive.Extract(new MemoryStream(zip), Destination, new ArchiveLimits()));

        Assert.Contains("entry", error.Message);
        Assert.False(Directory.Exists(Destination));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_parent));
    }

    [Theory]
    [InlineData(0xA000)] // symbolic link
    [InlineData(0x2000)] // character device
    [InlineData(0x1000)] // FIFO
    public void Extract_Refuses_WhenAnEntryIsALinkOrSpecialFile(int unixType)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("passwd");
            entry.ExternalAttributes = (unixType | 0x1FF) << 16;
            using var stream = entry.Open();
            stream.Write("/etc/passwd"u8);
        }

        var error = Assert.Throws<UnsafeArchiveException>(() => SafeArchive.Check(new MemoryStream(buffer.ToArray()), new ArchiveLimits()));

        Assert.Contains("link or a special file", error.Message);
    }

    [Fact]
    public void Extract_RefusesBeforeWriting_WhenTheArchiveIsABomb()
    {
        var bomb = ZipOfZeros("bomb.bin", 300L * 1024 * 1024);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes packed");

        var error = Assert.Throws<UnsafeArchiveException>(() => SafeArchive.Extract(new MemoryStream(bomb), Destination, new ArchiveLimits()));

        Assert.Contains("more than", error.Message);
        Assert.False(Directory.Exists(Destination));
    }

    [Fact]
    public void Extract_NeverWritesMoreThanDeclared_WhenAnEntryIsLargerThanItClaims()
    {
        var liar = ZipOfZeros("liar.bin", 20L * 1024 * 1024);
        DeclareUncompressedSize(liar, 100);

        try
        {
            SafeArchive.Extract(new MemoryStream(liar), Destination, new ArchiveLimits { MaxTotalBytes = 1024 });
            // Accepted only because nothing beyond the declared size was unpacked.
            Assert.True(new FileInfo(Path.Combine(Destination, "liar.bin")).Length <= 100);
        }
        catch (UnsafeArchiveException)
        {
            Assert.False(Directory.Exists(Destination));
        }

        // Nothing but the extraction folder itself ever appears beside it.
        Assert.All(Directory.EnumerateFileSystemEntries(_parent), path => Assert.Equal(Destination, path));
    }

    [Fact]
    public void Check_Refuses_WhenThereAreTooManyEntries()
    {
        var zip = ProgramArchives.Zip(Enumerable.Range(0, 11).Select(i => ($"f{i}.txt", "x")).ToArray());

        var error = Assert.Throws<UnsafeArchiveException>(() => SafeArchive.Check(new MemoryStream(zip), new ArchiveLimits { MaxEntries = 10 }));

        Assert.Contains("11 entries", error.Message);
    }

    [Fact]
    public void Check_Refuses_WhenAnEntryAppearsTwice()
    {
        var zip = ProgramArchives.Zip(("score.py", "a"), ("score.py", "b"));

        Assert.Throws<UnsafeArchiveException>(() => SafeArchive.Check(new MemoryStream(zip), new ArchiveLimits()));
    }

    [Fact]
    public void Check_Refuses_WhenTheFileIsNotAZip()
    {
        var error = Assert.Throws<UnsafeArchiveException>(() => SafeArchive.Check(new MemoryStream(Encoding.UTF8.GetBytes("id,label\n")), new ArchiveLimits()));

        Assert.Contains("not a zip", error.Message);
    }

    private static byte[] ZipOfZeros(string name, long bytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            var chunk = new byte[1024 * 1024];
            for (long written = 0; written < bytes; written += chunk.Length) stream.Write(chunk);
        }

        return buffer.ToArray();
    }

    // Rewrites the uncompressed size in the local header (offset 22) and the central directory (offset 24).
    private static void DeclareUncompressedSize(byte[] zip, uint size)
    {
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50) BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
            else if (signature == 0x02014b50) BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
        }
    }
}
