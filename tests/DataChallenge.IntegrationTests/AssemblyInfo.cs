// The classes share one RabbitMQ virtual host and its queue names; running them one at a time keeps their messages apart.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
