using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Compila.Web.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry for the whole host: metrics for Prometheus at <c>/metrics</c> (behind a bearer token), traces over
/// OTLP when an endpoint is configured, trace ids in every log line. Features create meters and activity sources
/// named <c>Compila.*</c>; both are picked up here by that prefix.
/// </summary>
public static class TelemetryServices
{
    public const string MetricsPath = "/metrics";

    public static void AddCompilaTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        builder.Services.AddOptions<TelemetryOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.Configure<MetricsOptions>(builder.Configuration.GetSection(MetricsOptions.Section));
        var telemetry = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var environment = string.IsNullOrWhiteSpace(telemetry.Environment)
            ? builder.Environment.EnvironmentName.ToLowerInvariant()
            : telemetry.Environment;
        builder.Services.AddSingleton(new MetricTags(telemetry.Application, environment));
        builder.Services.AddSingleton<PlatformMetrics>();

        var otlpEndpoint = !string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint) ? telemetry.OtlpEndpoint
            : builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(telemetry.Application, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId)
                .AddAttributes([new("deployment.environment.name", environment)]))
            .WithMetrics(metrics => metrics
                .AddMeter("Compila.*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddPrometheusExporter())
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource("Compila.*")
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbeOrScrape(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddNpgsql();
                if (!string.IsNullOrWhiteSpace(otlpEndpoint))
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(otlpEndpoint));
                }
            });
    }

    /// <summary>Adds the common tags to ASP.NET Core's request metrics and guards <c>/metrics</c>.</summary>
    public static void UseCompilaTelemetry(this WebApplication app)
    {
        var tags = app.Services.GetRequiredService<MetricTags>();
        var metrics = app.Services.GetRequiredService<IOptionsMonitor<MetricsOptions>>();
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpMetricsTagsFeature>() is { } feature)
            {
                feature.Tags.Add(new("application", tags.Application));
                feature.Tags.Add(new("environment", tags.Environment));
            }

            if (context.Request.Path.StartsWithSegments(MetricsPath) && !Allowed(context, metrics.CurrentValue))
            {
                return;
            }

            await next(context);
        });
    }

    public static void MapCompilaMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();

    /// <summary>No token configured: 404, as if there were no endpoint. A wrong or missing token: 401.</summary>
    static bool Allowed(HttpContext context, MetricsOptions options)
    {
        if (string.IsNullOrEmpty(options.Token))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var given = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.Token)))
        {
            return true;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
        return false;
    }

    static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);
}
