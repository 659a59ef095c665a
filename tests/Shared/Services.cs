namespace DataChallenge.Testing;

/// <summary>
/// The real services the integration tests need, read from the environment that `tests/run.sh` exports.
/// Absent locally: the test is skipped with the reason. Absent under CI=true: the test fails.
/// </summary>
public static class Services
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Postgres => Require("DATACHALLENGE_TEST_POSTGRES", "PostgreSQL");
    public static string RabbitMq => Require("DATACHALLENGE_TEST_RABBITMQ", "RabbitMQ");
    public static string S3Endpoint => Require("DATACHALLENGE_TEST_S3_ENDPOINT", "the S3 server");
    public static string S3AccessKey => Require("DATACHALLENGE_TEST_S3_ACCESS_KEY", "the S3 server");
    public static string S3SecretKey => Require("DATACHALLENGE_TEST_S3_SECRET_KEY", "the S3 server");
    public static string S3ApiAccessKey => Require("DATACHALLENGE_TEST_S3_API_ACCESS_KEY", "the S3 server's api user");
    public static string S3ApiSecretKey => Require("DATACHALLENGE_TEST_S3_API_SECRET_KEY", "the S3 server's api user");
    public static string S3WorkerAccessKey => Require("DATACHALLENGE_TEST_S3_WORKER_ACCESS_KEY", "the S3 server's worker user");
    public static string S3WorkerSecretKey => Require("DATACHALLENGE_TEST_S3_WORKER_SECRET_KEY", "the S3 server's worker user");
    public static string SmtpHost => Require("DATACHALLENGE_TEST_SMTP_HOST", "the SMTP server (smtp4dev)");
    public static int SmtpPort => int.Parse(Require("DATACHALLENGE_TEST_SMTP_PORT", "the SMTP server (smtp4dev)"), System.Globalization.CultureInfo.InvariantCulture);
    public static string SmtpApi => Require("DATACHALLENGE_TEST_SMTP_API", "the SMTP server's HTTP API (smtp4dev)");
    /// <summary>The smtp4dev executable, for tests that start a server of their own on other ports.</summary>
    public static string SmtpServerExecutable => Require("DATACHALLENGE_TEST_SMTP_SERVER", "the smtp4dev executable");
    public static string S3Region => Environment.GetEnvironmentVariable("DATACHALLENGE_TEST_S3_REGION") ?? "us-east-1";

    private static string Require(string variable, string service)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value)) return value;
        var reason = $"{service} is not configured ({variable} is unset). Run `bash tests/run.sh`, which installs and starts the real services.";
        if (InCi) throw new InvalidOperationException("CI=true requires the real services: " + reason);
        Assert.Skip("SKIPPED — " + reason);
        return "";
    }
}
