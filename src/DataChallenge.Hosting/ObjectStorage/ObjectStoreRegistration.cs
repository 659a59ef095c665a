using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Minio;

namespace DataChallenge.Hosting.ObjectStorage;

public static class ObjectStoreRegistration
{
    /// <summary>The folder store unless an S3 endpoint is configured.</summary>
    public static IServiceCollection AddObjectStore(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ObjectStoreOptions.Section);
        services.Configure<ObjectStoreOptions>(section);
        var s3 = section.GetSection("S3").Get<S3Options>() ?? new S3Options();
        if (string.IsNullOrWhiteSpace(s3.Endpoint))
        {
            services.AddSingleton<FolderObjectStore>();
            return services.AddRoleStores(_ => provider => provider.GetRequiredService<FolderObjectStore>());
        }
        // Uploads of large files may take a while on a slow link; the request's own cancellation still applies.
        services.AddHttpClient(S3ObjectStore.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(ShortConnect);
        return services.AddRoleStores(role => provider => new S3ObjectStore(Client(s3, s3.CredentialsOf(role)),
            provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<IOptions<ObjectStoreOptions>>()));
    }

    private static IServiceCollection AddRoleStores(this IServiceCollection services, Func<string, Func<IServiceProvider, IObjectStore>> storeOf)
    {
        foreach (var role in ObjectStoreRoles.All)
        {
            var create = storeOf(role);
            services.AddKeyedSingleton<IObjectStore>(role, (provider, _) => create(provider));
        }
        return services.AddSingleton(provider => provider.GetRequiredKeyedService<IObjectStore>(ObjectStoreRoles.Api));
    }

    private static IMinioClient Client(S3Options s3, S3Credentials credentials) => new MinioClient()
        .WithHttpClient(new HttpClient(ShortConnect()) { Timeout = Timeout.InfiniteTimeSpan }, disposeHttpClient: true)
        .WithEndpoint(s3.Endpoint)
        .WithCredentials(credentials.AccessKey, credentials.SecretKey)
        .WithRegion(s3.Region)
        .WithSSL(s3.UseSsl)
        .Build();

    // A store that is down must turn into a quick 503, not a wait for the operating system's connect timeout.
    private static SocketsHttpHandler ShortConnect() => new() { ConnectTimeout = TimeSpan.FromSeconds(2) };

    public static BucketNames Buckets(this IServiceProvider services) => services.GetRequiredService<IOptions<ObjectStoreOptions>>().Value.Buckets;
}
