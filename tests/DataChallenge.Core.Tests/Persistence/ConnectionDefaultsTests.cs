using DataChallenge.Core.Persistence;
using Npgsql;

namespace DataChallenge.Core.Tests.Persistence;

public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void WithPlatformDefaults_WaitsBrieflyAndBoundsThePool_WhenTheStringSaysNothing()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPlatformDefaults("Host=db;Database=dc"));

        Assert.Equal(DatabaseOptions.DefaultConnectTimeoutSeconds, builder.Timeout);
        Assert.Equal(DatabaseOptions.DefaultMaxPoolSize, builder.MaxPoolSize);
        Assert.Equal("db", builder.Host);
    }

    [Theory]
    [InlineData("Host=db;Timeout=15;Maximum Pool Size=100")]
    [InlineData("Host=db; timeout = 15 ;MaxPoolSize=100")]
    [InlineData("Host=db;TIMEOUT=15;maximum pool size=100")]
    public void WithPlatformDefaults_KeepsWhatTheOperatorChose(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPlatformDefaults(connectionString));

        Assert.Equal(15, builder.Timeout);
        Assert.Equal(100, builder.MaxPoolSize);
    }
}
