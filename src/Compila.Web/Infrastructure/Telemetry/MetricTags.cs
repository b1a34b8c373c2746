using System.Diagnostics;

namespace Compila.Web.Infrastructure.Telemetry;

/// <summary>
/// The document's common tags (<c>application</c>, <c>environment</c>), added to every measurement of our own
/// instruments and to ASP.NET Core's request metrics, so a shared Prometheus can tell deployments apart.
/// </summary>
public sealed class MetricTags(string application, string environment)
{
    public string Application { get; } = application;

    public string Environment { get; } = environment;

    public TagList With(params ReadOnlySpan<(string Key, object? Value)> tags)
    {
        var list = new TagList { { "application", Application }, { "environment", Environment } };
        foreach (var (key, value) in tags)
        {
            list.Add(key, value);
        }

        return list;
    }
}
