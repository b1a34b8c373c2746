using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Harness;

namespace Compila.ChallengeSuites.Running;

/// <summary>One result record written by a generated driver, with the stray output that preceded it.</summary>
internal sealed record DriverRecord(bool Ok, JsonNode? Value, string? Kind, string? Error, int? Line, string Output, double DurationMs);

/// <summary>Reads the records a driver wrote to stdout; anything else on stdout is the learner's own output.</summary>
internal static class DriverOutput
{
    public static (List<DriverRecord> Records, string TrailingOutput) Parse(string stdout)
    {
        var records = new List<DriverRecord>();
        var stray = new StringBuilder();
        var lines = stdout.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var at = line.IndexOf(HarnessGenerator.Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                // The driver starts every record on a fresh line, so the newline before it is not the learner's.
                var nextIsRecord = i + 1 < lines.Length && lines[i + 1].StartsWith(HarnessGenerator.Marker, StringComparison.Ordinal);
                stray.Append(line);
                if (!nextIsRecord && i + 1 < lines.Length)
                {
                    stray.Append('\n');
                }
                continue;
            }
            stray.Append(line.AsSpan(0, at));
            var json = line[(at + HarnessGenerator.Marker.Length)..];
            JsonObject? obj;
            try
            {
                obj = JsonNode.Parse(json) as JsonObject;
            }
            catch (JsonException)
            {
                obj = null;
            }
            if (obj is null || !obj.TryGetPropertyValue("ok", out var okNode) || okNode is null)
            {
                // A record cut short (output limit) or forged badly: not a result.
                stray.Append(json);
                continue;
            }
            var ok = okNode.GetValueKind() == JsonValueKind.True;
            obj.TryGetPropertyValue("value", out var value);
            var output = stray + (obj["out"]?.GetValue<string>() ?? "");
            stray.Clear();
            records.Add(new DriverRecord(
                ok,
                value?.DeepClone(),
                obj["kind"]?.GetValue<string>(),
                obj["error"]?.GetValue<string>(),
                obj["line"] is JsonValue lineValue && lineValue.TryGetValue(out int n) ? n : null,
                output,
                obj["ms"] is JsonValue ms && ms.GetValueKind() == JsonValueKind.Number ? JsonValuesAccess.Double(ms) : 0));
        }
        return (records, stray.ToString());
    }
}

internal static class JsonValuesAccess
{
    public static double Double(JsonValue v) => Specs.JsonValues.GetDouble(v);
}
