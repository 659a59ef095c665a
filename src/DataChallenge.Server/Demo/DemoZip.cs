using System.IO.Compression;
using System.Text;

namespace DataChallenge.Server.Demo;

/// <summary>Text files packed into a zip, as organisers and competitors upload them.</summary>
internal static class DemoZip
{
    public static byte[] Of(IEnumerable<(string Name, string Content)> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return buffer.ToArray();
    }
}
