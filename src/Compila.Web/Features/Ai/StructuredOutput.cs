using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Compila.Web.Features.Ai;

/// <summary>
/// Reads a model's JSON answer: tolerates markdown fences and prose around the JSON, then validates it against a
/// JSON schema (the subset our prompts use: type, properties, required, items, enum, minimum, maximum, maxItems).
/// </summary>
public static partial class StructuredOutput
{
    /// <summary>The JSON inside <paramref name="text"/>: a fenced block's content, else from the first brace to the last.</summary>
    public static string Extract(string text)
    {
        var fenced = Fence().Match(text);
        if (fenced.Success)
        {
            return fenced.Groups["body"].Value.Trim();
        }

        var start = text.IndexOfAny(['{', '[']);
        var end = text.LastIndexOfAny(['}', ']']);
        return start >= 0 && end > start ? text[start..(end + 1)] : text.Trim();
    }

    /// <summary>Parses and validates; on failure <paramref name="error"/> says what is wrong, for the repair prompt.</summary>
    public static JsonNode? TryRead(string text, JsonObject schema, out string? error)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(Extract(text));
        }
        catch (JsonException ex)
        {
            error = "JSON inválido: " + ex.Message;
            return null;
        }

        var problems = new List<string>();
        Validate(node, schema, "$", problems);
        error = problems.Count == 0 ? null : string.Join("; ", problems.Take(10));
        return problems.Count == 0 ? node : null;
    }

    public static IReadOnlyList<string> Validate(JsonNode? node, JsonObject schema)
    {
        var problems = new List<string>();
        Validate(node, schema, "$", problems);
        return problems;
    }

    static void Validate(JsonNode? node, JsonObject schema, string path, List<string> problems)
    {
        var type = schema["type"]?.GetValue<string>();
        if (type is not null && !HasType(node, type))
        {
            problems.Add($"{path}: esperado {type}");
            return;
        }

        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, node)))
        {
            problems.Add($"{path}: valor fora de {options.ToJsonString()}");
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            var number = value.GetValue<double>();
            if (schema["minimum"] is JsonValue min && number < min.GetValue<double>())
            {
                problems.Add($"{path}: menor que {min}");
            }

            if (schema["maximum"] is JsonValue max && number > max.GetValue<double>())
            {
                problems.Add($"{path}: maior que {max}");
            }
        }

        if (node is JsonObject obj)
        {
            foreach (var required in schema["required"] as JsonArray ?? [])
            {
                var name = required!.GetValue<string>();
                if (!obj.ContainsKey(name))
                {
                    problems.Add($"{path}.{name}: obrigatório");
                }
            }

            if (schema["properties"] is JsonObject properties)
            {
                foreach (var (name, child) in properties)
                {
                    if (obj.TryGetPropertyValue(name, out var childNode) && child is JsonObject childSchema)
                    {
                        Validate(childNode, childSchema, $"{path}.{name}", problems);
                    }
                }
            }
        }

        if (node is JsonArray array)
        {
            if (schema["maxItems"] is JsonValue maxItems && array.Count > maxItems.GetValue<int>())
            {
                problems.Add($"{path}: mais de {maxItems} itens");
            }

            if (schema["items"] is JsonObject itemSchema)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Validate(array[i], itemSchema, $"{path}[{i}]", problems);
                }
            }
        }
    }

    static bool HasType(JsonNode? node, string type) => type switch
    {
        "object" => node is JsonObject,
        "array" => node is JsonArray,
        "string" => node is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "integer" => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && Math.Abs(v.GetValue<double>() % 1) < 1e-9,
        "null" => node is null,
        _ => true,
    };

    [GeneratedRegex(@"```[a-zA-Z]*\s*\n(?<body>[\s\S]*?)```")]
    private static partial Regex Fence();
}
