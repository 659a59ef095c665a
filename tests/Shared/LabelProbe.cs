namespace DataChallenge.Testing;

/// <summary>Python for a sandboxed program that searches every file it can see for text of the hidden labels.</summary>
public static class LabelProbe
{
    /// <summary>
    /// Lines that leave, in a list named <c>found</c>, the paths of the files holding <paramref name="marker"/>. The marker
    /// is written reversed, so that the program's own source does not match.
    /// </summary>
    public static string Search(string marker)
    {
        var reversed = new string(marker.Reverse().ToArray()).Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\"", "\\\"");
        return $$"""
            import os
            marker = "{{reversed}}"[::-1].encode()
            found = []
            for top in ("/app", "/tmp", "/etc", "/var", "/home", "/root", "/run", "/srv", "/opt", "/mnt"):
                for folder, dirs, names in os.walk(top):
                    for name in names:
                        try:
                            if marker in open(os.path.join(folder, name), "rb").read():
                                found.append(os.path.join(folder, name))
                        except Exception:
                            pass

            """;
    }
}
