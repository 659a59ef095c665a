using System.Collections.Concurrent;
using System.Diagnostics;

namespace DataChallenge.Hosting.Tests;

/// <summary>
/// Every HTTP request this process sends through HttpClient's socket handler, by host. The in-process test server's
/// client bypasses that handler, so only real outbound requests are seen.
/// </summary>
internal sealed class OutboundRequests : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly ConcurrentQueue<IDisposable> _listeners = new();

    public ConcurrentQueue<Uri> Sent { get; } = new();

    public OutboundRequests() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "HttpHandlerDiagnosticListener") _listeners.Enqueue(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> diagnostic)
    {
        if (diagnostic.Key != "System.Net.Http.Request") return;
        if (diagnostic.Value?.GetType().GetProperty("Request")?.GetValue(diagnostic.Value) is HttpRequestMessage { RequestUri: { } uri })
            Sent.Enqueue(uri);
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _subscription.Dispose();
        while (_listeners.TryDequeue(out var listener)) listener.Dispose();
    }
}
