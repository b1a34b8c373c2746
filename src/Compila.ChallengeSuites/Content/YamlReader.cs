using System.Globalization;
using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Specs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compila.ChallengeSuites.Content;

/// <summary>Reads a YAML file strictly, collecting every problem with its line instead of stopping at the first.</summary>
internal sealed class YamlReader(string file, List<ContentError> errors)
{
    public string File { get; } = file;

    public YamlMappingNode? LoadRoot(string text)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            errors.Add(new ContentError(File, (int)e.Start.Line, (int)e.Start.Column, "YAML inválido: " + Inner(e).Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed input: report
            // where the last well-formed piece ended, which is where the problem starts.
            errors.Add(new ContentError(File, (int)parser.LastGood.Line, (int)parser.LastGood.Column,
                "YAML inválido: estrutura malformada a partir daqui (colchete, chave ou aspas sem fechar?)"));
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            Error(null, "arquivo vazio");
            return null;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents[0].RootNode, "o documento precisa ser um mapa de chaves");
            return null;
        }
        return root;
    }

    /// <summary>Remembers where the last parsed event ended.</summary>
    sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGood { get; private set; } = Mark.Empty;

        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is { } current)
            {
                LastGood = current.End;
            }
            return inner.MoveNext();
        }
    }

    static YamlException Inner(YamlException e) => e.InnerException is YamlException inner ? inner : e;

    public void Error(YamlNode? node, string message) =>
        errors.Add(node is null
            ? new ContentError(File, null, null, message)
            : new ContentError(File, (int)node.Start.Line, (int)node.Start.Column, message));

    /// <summary>The mapping's entries by key; unknown keys are errors (typos must not pass silently).</summary>
    public Dictionary<string, YamlNode> Fields(YamlMappingNode map, IReadOnlyCollection<string> allowed)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key))
            {
                Error(keyNode, $"chave desconhecida '{key}'; chaves aceitas: {string.Join(", ", allowed)}");
                continue;
            }
            fields[key] = value;
        }
        return fields;
    }

    public YamlNode? Required(Dictionary<string, YamlNode> fields, YamlNode parent, string key)
    {
        if (fields.TryGetValue(key, out var node))
        {
            return node;
        }
        Error(parent, $"falta a chave obrigatória '{key}'");
        return null;
    }

    public string? String(YamlNode? node, string what, int maxLength = int.MaxValue, bool allowEmpty = false)
    {
        if (node is null)
        {
            return null;
        }
        if (node is not YamlScalarNode { Value: { } value })
        {
            Error(node, $"{what}: esperado um texto");
            return null;
        }
        if (!allowEmpty && string.IsNullOrWhiteSpace(value))
        {
            Error(node, $"{what}: não pode ser vazio");
            return null;
        }
        if (value.Length > maxLength)
        {
            Error(node, $"{what}: no máximo {maxLength} caracteres (tem {value.Length})");
            return null;
        }
        return value;
    }

    public long? Integer(YamlNode? node, string what, long min, long max)
    {
        if (node is null)
        {
            return null;
        }
        if (node is not YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
            || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, $"{what}: esperado um número inteiro");
            return null;
        }
        if (value < min || value > max)
        {
            Error(node, $"{what}: precisa estar entre {min} e {max}");
            return null;
        }
        return value;
    }

    public double? Number(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        Error(node, $"{what}: esperado um número");
        return null;
    }

    public bool? Bool(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s)
        {
            return s.Value == "true";
        }
        Error(node, $"{what}: esperado true ou false");
        return null;
    }

    public List<string>? StringList(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }
        if (node is not YamlSequenceNode seq)
        {
            Error(node, $"{what}: esperada uma lista de textos");
            return null;
        }
        var list = new List<string>();
        foreach (var item in seq)
        {
            if (String(item, what) is { } s)
            {
                list.Add(s);
            }
        }
        return list;
    }

    static bool IsNullScalar(YamlScalarNode s) => s.Style == ScalarStyle.Plain && s.Value is null or "" or "null" or "~" or "Null" or "NULL";

    /// <summary>Reads a value of <paramref name="type"/>; success is reported separately since null is a valid value.</summary>
    public bool TryValue(YamlNode node, TypeRef type, string what, out JsonNode? value)
    {
        value = null;
        if (node is YamlScalarNode nullable && IsNullScalar(nullable))
        {
            if (type.Kind == TypeKind.Optional)
            {
                return true;
            }
            Error(node, $"{what}: null não é um valor de {type} (use optional<...>)");
            return false;
        }
        switch (type.Kind)
        {
            case TypeKind.Optional:
                return TryValue(node, type.Inner, what, out value);
            case TypeKind.List:
                if (node is not YamlSequenceNode seq)
                {
                    Error(node, $"{what}: esperada uma lista ({type})");
                    return false;
                }
                var array = new JsonArray();
                var ok = true;
                var i = 0;
                foreach (var item in seq)
                {
                    ok &= TryValue(item, type.Inner, $"{what}[{i++}]", out var element);
                    array.Add(element);
                }
                value = array;
                return ok;
            case TypeKind.Map:
                if (node is not YamlMappingNode map)
                {
                    Error(node, $"{what}: esperado um mapa ({type})");
                    return false;
                }
                var obj = new JsonObject();
                var mapOk = true;
                foreach (var (k, v) in map.Children)
                {
                    var key = (k as YamlScalarNode)?.Value;
                    if (key is null)
                    {
                        Error(k, $"{what}: chave de mapa precisa ser texto");
                        mapOk = false;
                        continue;
                    }
                    mapOk &= TryValue(v, type.Inner, $"{what}[\"{key}\"]", out var element);
                    obj[key] = element;
                }
                value = obj;
                return mapOk;
        }
        if (node is not YamlScalarNode { Value: { } text } scalar)
        {
            Error(node, $"{what}: esperado um valor {type}");
            return false;
        }
        var plain = scalar.Style == ScalarStyle.Plain;
        switch (type.Kind)
        {
            case TypeKind.Int when plain && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                value = JsonValue.Create(l);
                return true;
            case TypeKind.Float when plain && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                value = JsonValue.Create(d);
                return true;
            case TypeKind.Bool when plain && text is "true" or "false":
                value = JsonValue.Create(text == "true");
                return true;
            case TypeKind.String:
                value = JsonValue.Create(text);
                return true;
        }
        Error(node, $"{what}: '{text}' não é um valor {type}" + (type.Kind is TypeKind.Int or TypeKind.Float or TypeKind.Bool && !plain ? " (sem aspas)" : ""));
        return false;
    }
}
