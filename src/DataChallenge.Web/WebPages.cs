using System.Globalization;
using DataChallenge.Web.Pages.Account;
using DataChallenge.Web.Reading;
using DataChallenge.Web.Rendering;
using DataChallenge.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace DataChallenge.Web;

/// <summary>The server-rendered pages of the api role: public boards, competitor pages, the organiser console.</summary>
public static class WebPages
{
    public const string SignedInPolicy = "SignedInOnPages";

    public static readonly CultureInfo[] Cultures = [new("en"), new("fr")];

    /// <summary>Call after Identity is registered: the pages sign people in with its application cookie.</summary>
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddRazorPages(pages =>
            {
                pages.Conventions.ConfigureFilter(new ContentSecurityPolicyFilter());
                pages.Conventions.AuthorizeFolder("/Console", SignedInPolicy);
                pages.Conventions.AuthorizePage("/Phases/Submit", SignedInPolicy);
                pages.Conventions.AuthorizePage("/Challenges/MyTeam", SignedInPolicy);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Resources.SharedResource)));
        // The API's default scheme answers 401 to a stranger; a page sends the person to the sign-in form instead.
        services.AddAuthorizationBuilder().AddPolicy(SignedInPolicy, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        services.Configure<RouteOptions>(routes => routes.LowercaseUrls = true);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/signin";
            cookie.AccessDeniedPath = "/account/signin";
        });
        // Registered after Identity's own describer, so this one is the one resolved.
        services.AddScoped<IdentityErrorDescriber, LocalisedIdentityErrors>();
        services.AddSingleton<MarkdownRenderer>();
        return services;
    }

    public static void MapWebPages(this WebApplication app)
    {
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WebPages).Assembly, "DataChallenge.Web.wwwroot"),
            RequestPath = "/assets",
        });
        app.MapRazorPages();
    }
}
