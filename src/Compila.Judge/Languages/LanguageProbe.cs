using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

/// <summary>The start-up check of a language: enabled, its runtime found, and every bind reachable by the sandbox user.</summary>
internal static class LanguageProbe
{
    /// <summary>Why the language cannot run here; null when it can.</summary>
    public static string? UnavailableReason(LanguageAdapter adapter, JudgeTools tools, LanguageOptions? settings)
    {
        if (settings is { Enabled: false })
        {
            return "Disabled by configuration.";
        }

        try
        {
            if (adapter.Probe(tools) is { } reason)
            {
                return reason;
            }

            foreach (var bind in adapter.View.Binds)
            {
                if (Native.IsRoot && !HostPaths.TraversableByOthers(bind.Source))
                {
                    return $"{bind.Source} is not reachable by the sandbox user (a parent folder is private).";
                }
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return e.Message;
        }
    }
}
