using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace DataChallenge.Web.Rendering;

/// <summary>
/// Organisers write descriptions in Markdown. Raw HTML in them is shown as text, and the sanitiser then drops what
/// Markdown itself can still produce that is unsafe (javascript: links, style attributes the page policy would block).
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UseEmphasisExtras().DisableHtml().Build();
    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public IHtmlContent Render(string markdown)
        => new HtmlString(_sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", _pipeline)));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
