using System.Text.RegularExpressions;
using Compila.ChallengeSuites.Specs;
using YamlDotNet.RepresentationModel;

namespace Compila.ChallengeSuites.Content;

/// <summary>Reads a challenge's <c>tests.yaml</c>: its kind, then <c>kind: function</c> and <c>kind: stdio</c> tests.</summary>
internal static partial class TestSpecReader
{
    static readonly string[] TestKeys = ["kind", "function", "class", "comparator", "tolerance", "custom", "cases"];
    static readonly string[] FunctionKeys = ["name", "params", "returns"];
    internal static readonly string[] ParamKeys = ["name", "type"];
    static readonly string[] FunctionCaseKeys = ["name", "args", "expected", "hidden", "comparator", "tolerance", "custom"];
    static readonly string[] StdioCaseKeys = ["name", "stdin", "stdout", "args", "hidden"];

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    internal static partial Regex SnakeCasePattern();

    internal static TestSpec? Read(YamlReader r, YamlMappingNode root)
    {
        var f = r.Fields(root, TestKeys);
        var kind = r.String(r.Required(f, root, "kind"), "kind");
        switch (kind)
        {
            case null:
                return null;
            case "function":
                return ReadFunctionTests(r, root, f);
            case "stdio":
                return ReadStdioTests(r, root, f);
            case "scenario":
                return ScenarioTestsReader.Read(r, root, f);
            case "native":
                // Removed: tests run in the learner's own process can be forged (docs/ARCHITECTURE.md).
                r.Error(f["kind"], "kind: native não é mais aceito: testes no framework da linguagem rodam no mesmo processo "
                    + "que o código do aluno, que pode forjar o resultado (imprimir registros, alterar o framework, sair antes). "
                    + "Use kind: scenario (classe com estado: passos e valores esperados conferidos fora do sandbox) ou kind: function");
                return null;
            default:
                r.Error(f["kind"], $"kind: '{kind}' não é aceito (function | stdio | scenario)");
                return null;
        }
    }

    static FunctionTestSpec? ReadFunctionTests(YamlReader r, YamlMappingNode root, Dictionary<string, YamlNode> f)
    {
        if (f.TryGetValue("class", out var classNode))
        {
            r.Error(classNode, "class: não se aplica a kind: function");
        }
        var functionNode = r.Required(f, root, "function");
        if (functionNode is not YamlMappingNode fn)
        {
            if (functionNode is not null)
            {
                r.Error(functionNode, "function: esperado um mapa com name, params e returns");
            }
            return null;
        }
        var ff = r.Fields(fn, FunctionKeys);
        var name = r.String(r.Required(ff, fn, "name"), "function.name");
        if (name is not null && !SnakeCasePattern().IsMatch(name))
        {
            r.Error(ff["name"], $"function.name: '{name}' precisa estar em snake_case");
            name = null;
        }
        var returns = ReadType(r, r.Required(ff, fn, "returns"), "function.returns");
        var parameters = new List<Parameter>();
        var paramsOk = true;
        if (r.Required(ff, fn, "params") is { } paramsNode)
        {
            if (paramsNode is not YamlSequenceNode seq)
            {
                r.Error(paramsNode, "function.params: esperada uma lista de {name, type}");
                paramsOk = false;
            }
            else
            {
                foreach (var item in seq)
                {
                    if (item is not YamlMappingNode p)
                    {
                        r.Error(item, "parâmetro: esperado {name, type}");
                        paramsOk = false;
                        continue;
                    }
                    var pf = r.Fields(p, ParamKeys);
                    var pname = r.String(r.Required(pf, p, "name"), "parâmetro name");
                    var ptype = ReadType(r, r.Required(pf, p, "type"), "parâmetro type");
                    if (pname is not null && !SnakeCasePattern().IsMatch(pname))
                    {
                        r.Error(pf["name"], $"parâmetro '{pname}' precisa estar em snake_case");
                        pname = null;
                    }
                    if (pname is null || ptype is null)
                    {
                        paramsOk = false;
                        continue;
                    }
                    parameters.Add(new Parameter(pname, ptype));
                }
            }
        }
        var defaultComparator = ReadComparator(r, f, root, Comparator.Exact);
        if (name is null || returns is null || !paramsOk || defaultComparator is null)
        {
            return null;
        }
        var signature = new FunctionSignature(name, parameters, returns);

        var cases = new List<FunctionCase>();
        var casesOk = ReadCaseList(r, f, root, (node, index) =>
        {
            var cf = r.Fields(node, FunctionCaseKeys);
            var caseName = r.String(r.Required(cf, node, "name"), "case name", 200);
            var hidden = cf.TryGetValue("hidden", out var h) ? r.Bool(h, "hidden") : false;
            var comparator = ReadComparator(r, cf, node, defaultComparator);
            var ok = caseName is not null && hidden is not null && comparator is not null;
            var args = new List<System.Text.Json.Nodes.JsonNode?>();
            if (r.Required(cf, node, "args") is { } argsNode)
            {
                if (argsNode is not YamlSequenceNode argSeq)
                {
                    r.Error(argsNode, "args: esperada uma lista com um valor por parâmetro");
                    ok = false;
                }
                else if (argSeq.Children.Count != parameters.Count)
                {
                    r.Error(argsNode, $"args: a função tem {parameters.Count} parâmetro(s), o caso tem {argSeq.Children.Count}");
                    ok = false;
                }
                else
                {
                    for (var i = 0; i < parameters.Count; i++)
                    {
                        ok &= r.TryValue(argSeq.Children[i], parameters[i].Type, $"args.{parameters[i].Name}", out var arg);
                        args.Add(arg);
                    }
                }
            }
            else
            {
                ok = false;
            }
            System.Text.Json.Nodes.JsonNode? expected = null;
            if (r.Required(cf, node, "expected") is { } expectedNode)
            {
                ok &= r.TryValue(expectedNode, returns, "expected", out expected);
            }
            else
            {
                ok = false;
            }
            if (ok)
            {
                cases.Add(new FunctionCase(caseName!, args, expected, comparator!, hidden!.Value));
            }
            return ok ? caseName : null;
        });
        return casesOk ? new FunctionTestSpec(signature, cases) : null;
    }

    static StdioTestSpec? ReadStdioTests(YamlReader r, YamlMappingNode root, Dictionary<string, YamlNode> f)
    {
        foreach (var key in new[] { "function", "class", "comparator", "tolerance", "custom" })
        {
            if (f.TryGetValue(key, out var node))
            {
                r.Error(node, $"{key}: não se aplica a kind: stdio");
            }
        }
        var cases = new List<StdioCase>();
        var ok = ReadCaseList(r, f, root, (node, index) =>
        {
            var cf = r.Fields(node, StdioCaseKeys);
            var caseName = r.String(r.Required(cf, node, "name"), "case name", 200);
            var stdin = cf.TryGetValue("stdin", out var stdinNode) ? r.String(stdinNode, "stdin", allowEmpty: true) : "";
            var stdout = r.String(r.Required(cf, node, "stdout"), "stdout", allowEmpty: true);
            var hidden = cf.TryGetValue("hidden", out var h) ? r.Bool(h, "hidden") : false;
            var args = cf.TryGetValue("args", out var argsNode) ? r.StringList(argsNode, "args") : null;
            if (caseName is null || stdin is null || stdout is null || hidden is null || (cf.ContainsKey("args") && args is null))
            {
                return null;
            }
            cases.Add(new StdioCase(caseName, stdin, stdout, hidden.Value, args));
            return caseName;
        });
        return ok ? new StdioTestSpec(cases) : null;
    }

    /// <summary>Reads <c>cases</c>: at least one, names unique, at least one visible.</summary>
    internal static bool ReadCaseList(YamlReader r, Dictionary<string, YamlNode> f, YamlMappingNode root, Func<YamlMappingNode, int, string?> readCase)
    {
        var casesNode = r.Required(f, root, "cases");
        if (casesNode is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            if (casesNode is not null)
            {
                r.Error(casesNode, "cases: esperada uma lista com ao menos um caso");
            }
            return false;
        }
        var ok = true;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in seq)
        {
            if (item is not YamlMappingNode caseNode)
            {
                r.Error(item, "caso: esperado um mapa");
                ok = false;
                continue;
            }
            var name = readCase(caseNode, index++);
            if (name is null)
            {
                ok = false;
            }
            else if (!names.Add(name))
            {
                r.Error(item, $"caso repetido: '{name}'");
                ok = false;
            }
        }
        return ok;
    }

    static Comparator? ReadComparator(YamlReader r, Dictionary<string, YamlNode> f, YamlNode parent, Comparator fallback)
    {
        if (!f.TryGetValue("comparator", out var node))
        {
            if (f.TryGetValue("tolerance", out var tolOnly) && fallback.Kind == ComparatorKind.Float && r.Number(tolOnly, "tolerance") is { } t)
            {
                return fallback with { Tolerance = t };
            }
            return fallback;
        }
        var text = r.String(node, "comparator");
        switch (text)
        {
            case null:
                return null;
            case "exact":
                return Comparator.Exact;
            case "unordered":
                return new Comparator(ComparatorKind.Unordered);
            case "float":
                var tolerance = f.TryGetValue("tolerance", out var tolNode) ? r.Number(tolNode, "tolerance") : 1e-6;
                if (tolerance is null or < 0)
                {
                    return null;
                }
                return new Comparator(ComparatorKind.Float, tolerance.Value);
            case "custom":
                var custom = r.String(f.TryGetValue("custom", out var customNode) ? customNode : null, "custom");
                if (custom is null)
                {
                    r.Error(customNode ?? node, "comparator custom precisa de 'custom: <nome>'");
                    return null;
                }
                if (!CustomComparators.Exists(custom))
                {
                    r.Error(customNode, $"custom: '{custom}' não existe ({string.Join(" | ", CustomComparators.Names)})");
                    return null;
                }
                return new Comparator(ComparatorKind.Custom, CustomName: custom);
            default:
                r.Error(node, $"comparator: '{text}' não é aceito (exact | float | unordered | custom)");
                return null;
        }
    }

    internal static TypeRef? ReadType(YamlReader r, YamlNode? node, string what)
    {
        var text = r.String(node, what);
        if (text is null)
        {
            return null;
        }
        var type = TypeRef.TryParse(text, out var error);
        if (type is null)
        {
            r.Error(node, $"{what}: {error}");
        }
        return type;
    }
}
