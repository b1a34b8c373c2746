using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Harness;

namespace Compila.ChallengeSuites.Running;

/// <summary>What a scenario driver observed for one step: a value, a refusal with its message, or another failure.</summary>
internal sealed record StepRecord(bool Ok, JsonNode? Value, string? Kind, string? Error, int? Line, string Output, double DurationMs);

/// <summary>
/// The step records of one run, keyed by (case, step) as the driver wrote them. Only the keys the host
/// asked for count; anything else on stdout is the learner's own output. A key written more than once
/// is <see cref="Duplicated"/>: code under test printed records of its own, and neither copy is trusted.
/// </summary>
internal sealed class ScenarioRecords
{
    readonly Dictionary<(int Case, int Step), StepRecord> records = [];
    readonly HashSet<(int Case, int Step)> duplicated = [];

    /// <summary>Output that belongs to no record (printed outside any step, or after the last one).</summary>
    public string StrayOutput { get; private init; } = "";

    public bool Duplicated(int caseIndex, int step) => duplicated.Contains((caseIndex, step));

    public StepRecord? Find(int caseIndex, int step) =>
        records.TryGetValue((caseIndex, step), out var record) && !duplicated.Contains((caseIndex, step)) ? record : null;

    /// <param name="expected">The (case, step) keys this run was asked for.</param>
    public static ScenarioRecords Parse(string stdout, IReadOnlySet<(int Case, int Step)> expected)
    {
        var records = new Dictionary<(int, int), StepRecord>();
        var duplicated = new HashSet<(int, int)>();
        var stray = new StringBuilder();
        var lines = stdout.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var at = line.IndexOf(HarnessGenerator.Marker, StringComparison.Ordinal);
            var record = at < 0 ? null : Read(line[(at + HarnessGenerator.Marker.Length)..]);
            if (record is null || !expected.Contains(record.Value.Key))
            {
                // The driver starts every record on a fresh line, so the newline before it is not the learner's.
                stray.Append(line);
                var nextIsRecord = i + 1 < lines.Length && lines[i + 1].StartsWith(HarnessGenerator.Marker, StringComparison.Ordinal);
                if (!nextIsRecord && i + 1 < lines.Length)
                {
                    stray.Append('\n');
                }
                continue;
            }
            stray.Append(line.AsSpan(0, at));
            var (key, value) = record.Value;
            if (!records.TryAdd(key, value with { Output = stray + value.Output }))
            {
                duplicated.Add(key);
            }
            stray.Clear();
        }
        var result = new ScenarioRecords { StrayOutput = stray.ToString() };
        foreach (var (key, value) in records)
        {
            result.records[key] = value;
        }
        result.duplicated.UnionWith(duplicated);
        return result;
    }

    static ((int, int) Key, StepRecord Record)? Read(string json)
    {
        JsonObject? obj;
        try
        {
            obj = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        if (obj is null || Int(obj["c"]) is not { } c || Int(obj["s"]) is not { } s
            || obj["ok"] is not JsonValue okNode || okNode.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }
        obj.TryGetPropertyValue("value", out var value);
        return ((c, s), new StepRecord(
            okNode.GetValueKind() == JsonValueKind.True,
            value?.DeepClone(),
            Text(obj["kind"]),
            Text(obj["error"]),
            Int(obj["line"]),
            Text(obj["out"]) ?? "",
            obj["ms"] is JsonValue ms && ms.GetValueKind() == JsonValueKind.Number ? Specs.JsonValues.GetDouble(ms) : 0));
    }

    static int? Int(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int n) ? n : null;

    static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
