using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compila.ChallengeSuites.Specs;

/// <summary>Values of the signature's types as JSON nodes: checking, rendering, comparing.</summary>
public static class JsonValues
{
    static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact JSON with non-ASCII escaped (what goes into the sandbox).</summary>
    public static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    /// <summary>Compact JSON a person can read (unicode kept), for expected/actual in results.</summary>
    public static string Render(JsonNode? node) => node is null ? "null" : node.ToJsonString(Readable);

    /// <summary>Returns null when <paramref name="node"/> is a value of <paramref name="type"/>, else what it is instead.</summary>
    public static string? TypeMismatch(JsonNode? node, TypeRef type, string path = "valor")
    {
        if (node is null)
        {
            return type.Kind == TypeKind.Optional ? null : $"{path}: esperado {type}, recebido null";
        }
        switch (type.Kind)
        {
            case TypeKind.Optional:
                return TypeMismatch(node, type.Inner, path);
            case TypeKind.List:
                if (node is not JsonArray array)
                {
                    return $"{path}: esperado {type}, recebido {Describe(node)}";
                }
                for (var i = 0; i < array.Count; i++)
                {
                    if (TypeMismatch(array[i], type.Inner, $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case TypeKind.Map:
                if (node is not JsonObject obj)
                {
                    return $"{path}: esperado {type}, recebido {Describe(node)}";
                }
                foreach (var (key, value) in obj)
                {
                    if (TypeMismatch(value, type.Inner, $"{path}[\"{key}\"]") is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
        }
        if (node is not JsonValue scalar)
        {
            return $"{path}: esperado {type}, recebido {Describe(node)}";
        }
        var kind = scalar.GetValueKind();
        var ok = type.Kind switch
        {
            TypeKind.Int => kind == JsonValueKind.Number && TryGetInt64(scalar, out _),
            TypeKind.Float => kind == JsonValueKind.Number,
            TypeKind.Bool => kind is JsonValueKind.True or JsonValueKind.False,
            _ => kind == JsonValueKind.String,
        };
        return ok ? null : $"{path}: esperado {type}, recebido {Describe(node)}";
    }

    /// <summary>A short pt-BR description of what a JSON node is, for type errors.</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "lista",
        JsonObject => "mapa",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string " + Render(v),
            JsonValueKind.True or JsonValueKind.False => "bool " + Render(v),
            JsonValueKind.Number when TryGetInt64(v, out _) => "int " + Render(v),
            JsonValueKind.Number => "float " + Render(v),
            _ => Render(v),
        },
        _ => Render(node),
    };

    internal static bool TryGetInt64(JsonValue value, out long result)
    {
        if (value.TryGetValue(out long l))
        {
            result = l;
            return true;
        }
        if (value.TryGetValue(out int i))
        {
            result = i;
            return true;
        }
        if (value.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out l))
        {
            result = l;
            return true;
        }
        result = 0;
        return false;
    }

    internal static double GetDouble(JsonValue value)
    {
        if (value.TryGetValue(out double d))
        {
            return d;
        }
        if (TryGetInt64(value, out var l))
        {
            return l;
        }
        return value.TryGetValue(out JsonElement e) ? e.GetDouble() : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
    }

    /// <summary>Structural equality; numbers within <paramref name="tolerance"/> (absolute or relative) when given.</summary>
    public static bool DeepEquals(JsonNode? expected, JsonNode? actual, double? tolerance = null, bool unorderedLists = false, Func<string, string>? normalizeString = null)
    {
        switch (expected)
        {
            case null:
                return actual is null;
            case JsonArray ea:
                if (actual is not JsonArray aa || aa.Count != ea.Count)
                {
                    return false;
                }
                if (!unorderedLists)
                {
                    return ea.Select((x, i) => DeepEquals(x, aa[i], tolerance, unorderedLists, normalizeString)).All(b => b);
                }
                var remaining = aa.ToList();
                foreach (var item in ea)
                {
                    var match = remaining.FindIndex(r => DeepEquals(item, r, tolerance, unorderedLists, normalizeString));
                    if (match < 0)
                    {
                        return false;
                    }
                    remaining.RemoveAt(match);
                }
                return true;
            case JsonObject eo:
                if (actual is not JsonObject ao || ao.Count != eo.Count)
                {
                    return false;
                }
                foreach (var (key, value) in eo)
                {
                    if (!ao.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other, tolerance, unorderedLists, normalizeString))
                    {
                        return false;
                    }
                }
                return true;
            case JsonValue ev:
                if (actual is not JsonValue av)
                {
                    return false;
                }
                var ek = ev.GetValueKind();
                var ak = av.GetValueKind();
                if (ek == JsonValueKind.Number && ak == JsonValueKind.Number)
                {
                    if (tolerance is null && TryGetInt64(ev, out var el) && TryGetInt64(av, out var al))
                    {
                        return el == al;
                    }
                    var ed = GetDouble(ev);
                    var ad = GetDouble(av);
                    if (tolerance is { } tol)
                    {
                        var diff = Math.Abs(ed - ad);
                        return diff <= tol || diff <= tol * Math.Abs(ed);
                    }
                    return ed.Equals(ad);
                }
                if (ek == JsonValueKind.String && ak == JsonValueKind.String)
                {
                    var es = ev.GetValue<string>();
                    var @as = av.GetValue<string>();
                    return normalizeString is null ? es == @as : normalizeString(es) == normalizeString(@as);
                }
                return ek == ak && (ek is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null);
            default:
                return false;
        }
    }
}
