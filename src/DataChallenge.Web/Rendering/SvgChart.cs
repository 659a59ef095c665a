using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Html;

namespace DataChallenge.Web.Rendering;

/// <summary>
/// A step chart drawn on the server as inline SVG: it needs no script, and it uses presentation attributes rather than
/// style attributes, so the page's style policy stays strict.
/// </summary>
public static class SvgChart
{
    private const double Width = 640, Height = 220, Left = 64, Right = 16, Top = 16, Bottom = 36;

    /// <param name="invert">True for ranks: 1 is drawn at the top.</param>
    public static IHtmlContent Steps(IReadOnlyList<ChartPoint> points, string title, Func<double, string> label, bool invert, DateTimeOffset now)
    {
        var encoder = HtmlEncoder.Default;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{encoder.Encode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{encoder.Encode(title)}</title>");
        if (points.Count == 0) return new HtmlString(svg.Append("</svg>").ToString());

        var start = points[0].At;
        var end = now > points[^1].At ? now : points[^1].At.AddMinutes(1);
        var min = points.Min(p => p.Value);
        var max = points.Max(p => p.Value);
        if (max - min < 1e-12)
        {
            // One value: a flat line in the middle, with labels close to it rather than a made-up range.
            var pad = Math.Max(Math.Abs(max) * 0.05, 0.01);
            min -= pad;
            max += pad;
        }
        var span = (end - start).TotalSeconds;
        double X(DateTimeOffset at) => Left + (Width - Left - Right) * (at - start).TotalSeconds / span;
        double Y(double value)
        {
            var fraction = (value - min) / (max - min);
            if (invert) fraction = 1 - fraction;
            return Top + (Height - Top - Bottom) * (1 - fraction);
        }

        // Axes and their end labels.
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#8a94a3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#8a94a3\"/>");
        Text(svg, Left - 6, Y(max) + 4, "end", encoder.Encode(label(max)));
        Text(svg, Left - 6, Y(min) + 4, "end", encoder.Encode(label(min)));
        Text(svg, Left, Height - 12, "start", Display.Instant(start));
        Text(svg, Width - Right, Height - 12, "end", Display.Instant(end));

        var path = new StringBuilder();
        path.Append(CultureInfo.InvariantCulture, $"M{X(points[0].At):0.#},{Y(points[0].Value):0.#}");
        for (var i = 1; i < points.Count; i++)
            path.Append(CultureInfo.InvariantCulture, $" H{X(points[i].At):0.#} V{Y(points[i].Value):0.#}");
        path.Append(CultureInfo.InvariantCulture, $" H{X(end):0.#}");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\"/>");
        foreach (var point in points)
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(point.At):0.#}\" cy=\"{Y(point.Value):0.#}\" r=\"3\" fill=\"#1f5fbf\"><title>{Display.Instant(point.At)}: {encoder.Encode(label(point.Value))}</title></circle>");
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static void Text(StringBuilder svg, double x, double y, string anchor, string encoded)
        => svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"#3c4654\">{encoded}</text>");
}
