using System.Diagnostics.Metrics;

namespace Compila.Web.Infrastructure.Telemetry;

/// <summary>Cross-cutting instruments: rate-limit rejections and open WebSocket connections.</summary>
public sealed class PlatformMetrics : IDisposable
{
    public const string MeterName = "Compila.Platform";

    readonly Meter meter;
    readonly MetricTags tags;
    readonly Counter<long> rateLimited;
    readonly UpDownCounter<long> webSockets;

    public PlatformMetrics(IMeterFactory meters, MetricTags tags)
    {
        this.tags = tags;
        meter = meters.Create(MeterName);
        rateLimited = meter.CreateCounter<long>("rate_limit_rejections", description: "Requests refused with 429, by limit class.");
        webSockets = meter.CreateUpDownCounter<long>("websocket_connections", description: "WebSocket connections open now, by endpoint.");
    }

    public void RateLimited(string limitClass) => rateLimited.Add(1, tags.With(("class", limitClass)));

    /// <summary>Counts a connection as open until the returned handle is disposed.</summary>
    public IDisposable WebSocketOpened(string endpoint)
    {
        var tagList = tags.With(("endpoint", endpoint));
        webSockets.Add(1, tagList);
        return new Closer(() => webSockets.Add(-1, tagList));
    }

    public void Dispose() => meter.Dispose();

    sealed class Closer(Action close) : IDisposable
    {
        int closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref closed, 1) == 0)
            {
                close();
            }
        }
    }
}
