using System.Net.Sockets;
using Npgsql;

namespace DataChallenge.Api.Http;

/// <summary>
/// Tells an exception that means "a service the api depends on did not answer" (database, object store, bus) from a
/// fault in the request or the code: the first is worth retrying in a moment, the second is not.
/// </summary>
public static class UnreachableDependency
{
    public static bool Caused(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate) return aggregate.InnerExceptions.Any(Caused);
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
                or Minio.Exceptions.ConnectionException or MassTransit.ConnectionException
                or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
                return true;
        }
        return false;
    }
}
