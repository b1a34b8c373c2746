using Compila.ChallengeSuites.Specs;
using YamlDotNet.RepresentationModel;

namespace Compila.ChallengeSuites.Content;

/// <summary>Reads <c>kind: scenario</c> tests: a class, its methods, and cases made of steps.</summary>
internal static class ScenarioTestsReader
{
    static readonly string[] ClassKeys = ["name", "constructor", "error", "error_names", "methods"];
    static readonly string[] MethodKeys = ["name", "params", "returns", "raises"];
    static readonly string[] ScenarioCaseKeys = ["name", "steps", "hidden"];
    static readonly string[] StepKeys = ["call", "args", "returns", "refuses"];
    static readonly string[] OverrideLanguages = ["python", "javascript", "typescript", "java", "go", "csharp"];

    internal static ScenarioTestSpec? Read(YamlReader r, YamlMappingNode root, Dictionary<string, YamlNode> f)
    {
        foreach (var key in new[] { "function", "comparator", "tolerance", "custom" })
        {
            if (f.TryGetValue(key, out var node))
            {
                r.Error(node, $"{key}: não se aplica a kind: scenario");
            }
        }
        var classNode = r.Required(f, root, "class");
        if (classNode is not YamlMappingNode cls)
        {
            if (classNode is not null)
            {
                r.Error(classNode, "class: esperado um mapa com name, error e methods");
            }
            return null;
        }
        var cf = r.Fields(cls, ClassKeys);
        var name = SnakeName(r, r.Required(cf, cls, "name"), "class.name");
        var error = SnakeName(r, r.Required(cf, cls, "error"), "class.error");
        var constructors = ReadOverrides(r, cf, "constructor");
        var errorNames = ReadOverrides(r, cf, "error_names");
        var methods = new List<ScenarioMethod>();
        var methodsOk = true;
        if (r.Required(cf, cls, "methods") is { } methodsNode)
        {
            if (methodsNode is not YamlSequenceNode seq || seq.Children.Count == 0)
            {
                r.Error(methodsNode, "class.methods: esperada uma lista com ao menos um método");
                methodsOk = false;
            }
            else
            {
                foreach (var item in seq)
                {
                    var method = ReadMethod(r, item);
                    if (method is null)
                    {
                        methodsOk = false;
                    }
                    else if (methods.Any(m => m.Name == method.Name))
                    {
                        r.Error(item, $"método repetido: '{method.Name}'");
                        methodsOk = false;
                    }
                    else
                    {
                        methods.Add(method);
                    }
                }
            }
        }
        else
        {
            methodsOk = false;
        }
        if (name is null || error is null || constructors is null || errorNames is null || !methodsOk)
        {
            return null;
        }
        var scenarioClass = new ScenarioClass(name, methods, error, constructors, errorNames);

        var cases = new List<ScenarioCase>();
        var casesOk = TestSpecReader.ReadCaseList(r, f, root, (node, _) =>
        {
            var caseFields = r.Fields(node, ScenarioCaseKeys);
            var caseName = r.String(r.Required(caseFields, node, "name"), "case name", 200);
            var hidden = caseFields.TryGetValue("hidden", out var h) ? r.Bool(h, "hidden") : false;
            var steps = new List<ScenarioStep>();
            var ok = caseName is not null && hidden is not null;
            if (r.Required(caseFields, node, "steps") is { } stepsNode)
            {
                if (stepsNode is not YamlSequenceNode stepSeq || stepSeq.Children.Count == 0)
                {
                    r.Error(stepsNode, "steps: esperada uma lista com ao menos um passo");
                    ok = false;
                }
                else
                {
                    foreach (var stepNode in stepSeq)
                    {
                        var step = ReadStep(r, scenarioClass, stepNode);
                        ok &= step is not null;
                        if (step is not null)
                        {
                            steps.Add(step);
                        }
                    }
                }
            }
            else
            {
                ok = false;
            }
            if (!ok)
            {
                return null;
            }
            cases.Add(new ScenarioCase(caseName!, steps, hidden!.Value));
            return caseName;
        });
        return casesOk ? new ScenarioTestSpec(scenarioClass, cases) : null;
    }

    static ScenarioMethod? ReadMethod(YamlReader r, YamlNode item)
    {
        if (item is not YamlMappingNode m)
        {
            r.Error(item, "método: esperado {name, params, returns, raises}");
            return null;
        }
        var mf = r.Fields(m, MethodKeys);
        var name = SnakeName(r, r.Required(mf, m, "name"), "método name");
        var parameters = mf.TryGetValue("params", out var paramsNode) ? ReadParameters(r, paramsNode, $"{name}.params") : [];
        var returns = mf.TryGetValue("returns", out var returnsNode) ? TestSpecReader.ReadType(r, returnsNode, $"{name}.returns") : null;
        var raises = mf.TryGetValue("raises", out var raisesNode) ? r.Bool(raisesNode, $"{name}.raises") : false;
        if (name is null || parameters is null || (returnsNode is not null && returns is null) || raises is null)
        {
            return null;
        }
        return new ScenarioMethod(name, parameters, returns, raises.Value);
    }

    static ScenarioStep? ReadStep(YamlReader r, ScenarioClass cls, YamlNode node)
    {
        if (node is not YamlMappingNode s)
        {
            r.Error(node, "passo: esperado {call, args, returns | refuses}");
            return null;
        }
        var sf = r.Fields(s, StepKeys);
        var call = r.String(r.Required(sf, s, "call"), "call");
        if (call is null)
        {
            return null;
        }
        if (cls.Find(call) is not { } method)
        {
            r.Error(sf["call"], $"call: '{call}' não é um método de {cls.Name} ({string.Join(" | ", cls.Methods.Select(m => m.Name))})");
            return null;
        }
        var ok = true;
        var args = new List<System.Text.Json.Nodes.JsonNode?>();
        var argSeq = sf.TryGetValue("args", out var argsNode) ? argsNode as YamlSequenceNode : null;
        if (argsNode is not null && argSeq is null)
        {
            r.Error(argsNode, "args: esperada uma lista com um valor por parâmetro");
            return null;
        }
        var given = argSeq?.Children.Count ?? 0;
        if (given != method.Parameters.Count)
        {
            r.Error(argsNode ?? s, $"args: {call} tem {method.Parameters.Count} parâmetro(s), o passo tem {given}");
            return null;
        }
        for (var i = 0; i < given; i++)
        {
            ok &= r.TryValue(argSeq!.Children[i], method.Parameters[i].Type, $"args.{method.Parameters[i].Name}", out var arg);
            args.Add(arg);
        }
        var hasReturns = sf.TryGetValue("returns", out var returnsNode);
        var hasRefuses = sf.TryGetValue("refuses", out var refusesNode);
        if (hasReturns && hasRefuses)
        {
            r.Error(s, "passo: use returns ou refuses, não os dois");
            return null;
        }
        if (hasReturns)
        {
            if (method.Returns is null)
            {
                r.Error(returnsNode, $"returns: {call} não devolve valor");
                return null;
            }
            ok &= r.TryValue(returnsNode!, method.Returns, "returns", out var expected);
            return ok ? new ScenarioStep(call, args, StepExpectation.Returns, expected, null) : null;
        }
        if (hasRefuses)
        {
            if (!method.Raises)
            {
                r.Error(refusesNode, $"refuses: {call} não está marcado com raises: true");
                return null;
            }
            var message = r.String(refusesNode, "refuses");
            return ok && message is not null ? new ScenarioStep(call, args, StepExpectation.Refuses, null, message) : null;
        }
        return ok ? new ScenarioStep(call, args, StepExpectation.Completes, null, null) : null;
    }

    static string? SnakeName(YamlReader r, YamlNode? node, string what)
    {
        var name = r.String(node, what);
        if (name is not null && !TestSpecReader.SnakeCasePattern().IsMatch(name))
        {
            r.Error(node, $"{what}: '{name}' precisa estar em snake_case");
            return null;
        }
        return name;
    }

    /// <summary>An optional map of language id → spelling; unknown languages are errors.</summary>
    static Dictionary<string, string>? ReadOverrides(YamlReader r, Dictionary<string, YamlNode> fields, string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!fields.TryGetValue(key, out var node))
        {
            return result;
        }
        if (node is not YamlMappingNode map)
        {
            r.Error(node, $"class.{key}: esperado um mapa linguagem → nome");
            return null;
        }
        var ok = true;
        foreach (var (language, value) in r.Fields(map, OverrideLanguages))
        {
            var text = r.String(value, $"class.{key}.{language}");
            if (text is null)
            {
                ok = false;
                continue;
            }
            result[language] = text;
        }
        return ok ? result : null;
    }

    /// <summary>Reads a list of <c>{name, type}</c> parameters with snake_case names.</summary>
    static List<Parameter>? ReadParameters(YamlReader r, YamlNode paramsNode, string what)
    {
        if (paramsNode is not YamlSequenceNode seq)
        {
            r.Error(paramsNode, $"{what}: esperada uma lista de {{name, type}}");
            return null;
        }
        var parameters = new List<Parameter>();
        var ok = true;
        foreach (var item in seq)
        {
            if (item is not YamlMappingNode p)
            {
                r.Error(item, "parâmetro: esperado {name, type}");
                ok = false;
                continue;
            }
            var pf = r.Fields(p, TestSpecReader.ParamKeys);
            var pname = SnakeName(r, r.Required(pf, p, "name"), "parâmetro name");
            var ptype = TestSpecReader.ReadType(r, r.Required(pf, p, "type"), "parâmetro type");
            if (pname is null || ptype is null)
            {
                ok = false;
                continue;
            }
            parameters.Add(new Parameter(pname, ptype));
        }
        return ok ? parameters : null;
    }
}
