namespace DataChallenge.Hosting.Messaging;

/// <summary>The message bus: MassTransit's in-memory transport unless <see cref="RabbitMqUrl"/> is set.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>amqp://user:password@host:port/vhost; empty selects the in-memory transport.</summary>
    public string? RabbitMqUrl { get; set; }

    /// <summary>Messages a worker holds unacknowledged; bounded so a dying worker strands few.</summary>
    public int PrefetchCount { get; set; } = 8;

    /// <summary>
    /// Submissions a worker scores at once. One core is left free by default so that, when all roles share a process,
    /// uploads and board reads stay fast while files are scored; a dedicated worker may use every core.
    /// </summary>
    public int ConcurrencyLimit { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Immediate redeliveries before a message goes to its _error queue.</summary>
    public int RetryLimit { get; set; } = 3;

    /// <summary>
    /// How long an endpoint that lost its connection waits for its in-flight messages before it cancels them and
    /// starts consuming again. Without it, one message stuck on a dead channel (a publish whose confirm never comes)
    /// keeps the endpoint from ever restarting; the cancelled message is redelivered, and outcomes are idempotent.
    /// </summary>
    public TimeSpan ConsumerStopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Heartbeat interval: a link that stops answering is declared dead after about two of them.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a receive endpoint may stay without a consumer before the process ends with exit code 75 for its
    /// supervisor to restart it (see <see cref="ConsumingEndpointsWatchdog"/>). Longer than a reconnect after an outage,
    /// which takes seconds once the broker answers; zero turns the watchdog off.
    /// </summary>
    public TimeSpan RestartAfter { get; set; } = TimeSpan.FromSeconds(90);

    public bool UsesRabbitMq => !string.IsNullOrWhiteSpace(RabbitMqUrl);
}
