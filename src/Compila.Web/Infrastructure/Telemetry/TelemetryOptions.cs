using System.ComponentModel.DataAnnotations;

namespace Compila.Web.Infrastructure.Telemetry;

/// <summary>The <c>Compila:Telemetry</c> section: metrics scraping, trace export and the common tags.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Compila:Telemetry";

    /// <summary>The <c>application</c> tag on every metric and the service name of every trace.</summary>
    [Required]
    public string Application { get; set; } = "compila";

    /// <summary>The <c>environment</c> tag; defaults to the host environment's name in lower case.</summary>
    public string? Environment { get; set; }

    /// <summary>OTLP endpoint for traces (e.g. <c>http://collector:4318</c>); <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works too.</summary>
    [Url]
    public string? OtlpEndpoint { get; set; }
}

/// <summary>The <c>Compila:Metrics</c> section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Compila:Metrics";

    /// <summary>
    /// Bearer token a scraper must send to <c>/metrics</c>. Without one the endpoint answers 404: metrics are never
    /// public by default.
    /// </summary>
    public string? Token { get; set; }
}
