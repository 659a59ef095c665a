using System.Net;
using DataChallenge.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DataChallenge.Web.Tests.Browser;

/// <summary>
/// The whole server on a loopback port and one headless Debian Chromium, shared by a class's browser tests. Without
/// /usr/bin/chromium the tests are skipped with the reason, except under CI=true, where they fail.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(demo: false)
    {
    }

    /// <param name="demo">Seeds the demo challenge, as the embedded run does.</param>
    protected BrowserFixture(bool demo) => Server.Settings["Demo:Enabled"] = demo ? "true" : "false";

    public ServerFactory Server { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string? MissingReason { get; private set; }

    /// <summary>Where the screenshots of the main pages go; printed so a reader can open them.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            MissingReason = $"{Chromium} is missing: install Debian's chromium package (apt-get install chromium) to run the browser tests.";
            return;
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Server.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Server.StartServer();
        BaseUrl = Server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        Console.WriteLine($"Browser test screenshots: {ScreenshotFolder}");
    }

    /// <summary>Skips (locally) or fails (CI=true) the calling test when there is no browser to drive.</summary>
    public void RequireBrowser()
    {
        if (MissingReason is null) return;
        if (Services.InCi) throw new InvalidOperationException("CI=true requires the browser tests: " + MissingReason);
        Assert.Skip("SKIPPED — " + MissingReason);
    }

    /// <summary>A fresh browser profile (no cookies) whose page fails the test on any script dialog or page error.</summary>
    public async Task<IPage> NewPageAsync(string? acceptLanguage = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = acceptLanguage ?? "en-GB", ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => throw new InvalidOperationException($"A script opened a dialog: {dialog.Message}");
        return page;
    }

    /// <summary>
    /// Signs up on the page already showing the sign-up form, as a newcomer does: the form, the link of the confirmation
    /// mail, then the sign-in form.
    /// </summary>
    public static async Task SignUpAsync(IPage page, string email)
    {
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", ApiSession.Password);
        await page.FillAsync("#ConfirmPassword", ApiSession.Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your mailbox");
        var mail = await SentMail.WaitForAsync(email, SentMail.IsConfirmation);
        await page.GotoAsync(SentMail.LinkIn(mail).PathAndQuery);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your address is confirmed.");
        await SignInAsync(page, email);
    }

    /// <summary>Signs a registered person in through the sign-in form.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", ApiSession.Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync(email);
    }

    public static Task ScreenshotAsync(IPage page, string name)
        => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
