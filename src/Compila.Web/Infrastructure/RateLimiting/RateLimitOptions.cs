using System.ComponentModel.DataAnnotations;

namespace Compila.Web.Infrastructure.RateLimiting;

/// <summary>The <c>Compila:RateLimits</c> section: requests per minute per user (per IP when anonymous) per endpoint.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Compila:RateLimits";

    public bool Enabled { get; set; } = true;

    [Range(1, int.MaxValue)]
    public int StandardPerMinute { get; set; } = 100;

    [Range(1, int.MaxValue)]
    public int SubmissionPerMinute { get; set; } = 10;

    [Range(1, int.MaxValue)]
    public int AiPerMinute { get; set; } = 30;

    /// <summary>Heavy document rendering (the PDF CV): a few per minute is plenty for a person, and bounds CPU.</summary>
    [Range(1, int.MaxValue)]
    public int ExportPerMinute { get; set; } = 5;

    public int LimitFor(RateLimitClass limitClass) => limitClass switch
    {
        RateLimitClass.Submission => SubmissionPerMinute,
        RateLimitClass.Ai => AiPerMinute,
        RateLimitClass.Export => ExportPerMinute,
        _ => StandardPerMinute,
    };
}

public enum RateLimitClass
{
    Standard,
    Submission,
    Ai,
    Export,
}

/// <summary>Endpoint metadata that puts an endpoint in a stricter class than the default.</summary>
public sealed record RateLimitClassMetadata(RateLimitClass Class);

public static class RateLimitEndpointExtensions
{
    public static TBuilder WithRateLimitClass<TBuilder>(this TBuilder builder, RateLimitClass limitClass)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitClassMetadata(limitClass));
}
