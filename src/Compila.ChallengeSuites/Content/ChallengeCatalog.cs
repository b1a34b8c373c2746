using System.Text.RegularExpressions;
using Compila.ChallengeSuites.Harness;
using Compila.ChallengeSuites.Specs;
using YamlDotNet.RepresentationModel;

namespace Compila.ChallengeSuites.Content;

/// <summary>The outcome of loading content: either a full catalog or every error found, never half of one.</summary>
public sealed record CatalogLoadResult(ChallengeCatalog? Catalog, IReadOnlyList<ContentError> Errors)
{
    public bool Succeeded => Catalog is not null;
}

/// <summary>Every challenge under <c>content/challenges/</c>, validated. Load with <see cref="Load"/>.</summary>
public sealed partial class ChallengeCatalog
{
    ChallengeCatalog(IReadOnlyList<ChallengeSuite> challenges) => Challenges = challenges;

    /// <summary>Ordered by slug.</summary>
    public IReadOnlyList<ChallengeSuite> Challenges { get; }

    public ChallengeSuite? Find(string slug) => Challenges.FirstOrDefault(c => c.Slug == slug);

    internal const string MetadataFile = "challenge.yaml";
    internal const string DescriptionFile = "description.md";
    internal const string TestsFile = "tests.yaml";

    static readonly string[] MetadataKeys =
    [
        "title", "short_description", "stack", "level", "difficulty", "technologies", "tags",
        "requirements", "xp_reward", "estimated_time_minutes", "badges", "published",
    ];

    static readonly string[] TestKeys = ["kind", "function", "class", "comparator", "tolerance", "custom", "cases"];
    static readonly string[] FunctionKeys = ["name", "params", "returns"];
    static readonly string[] ParamKeys = ["name", "type"];
    static readonly string[] FunctionCaseKeys = ["name", "args", "expected", "hidden", "comparator", "tolerance", "custom"];
    static readonly string[] StdioCaseKeys = ["name", "stdin", "stdout", "args", "hidden"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCasePattern();

    /// <summary>
    /// Loads every challenge in <c>&lt;contentRoot&gt;/challenges/</c> (or <paramref name="contentRoot"/>
    /// itself when it is the challenges folder). Returns the catalog, or every error with file and line.
    /// </summary>
    public static CatalogLoadResult Load(string contentRoot)
    {
        var challengesDir = Directory.Exists(Path.Combine(contentRoot, "challenges"))
            ? Path.Combine(contentRoot, "challenges")
            : contentRoot;
        var errors = new List<ContentError>();
        if (!Directory.Exists(challengesDir))
        {
            return new CatalogLoadResult(null, [new ContentError(challengesDir, null, null, "pasta de desafios não encontrada")]);
        }
        var challenges = new List<ChallengeSuite>();
        foreach (var dir in Directory.GetDirectories(challengesDir).Order(StringComparer.Ordinal))
        {
            if (LoadChallenge(dir, challengesDir, errors) is { } challenge)
            {
                challenges.Add(challenge);
            }
        }
        return errors.Count > 0
            ? new CatalogLoadResult(null, errors)
            : new CatalogLoadResult(new ChallengeCatalog(challenges), errors);
    }

    /// <summary>Loads one challenge directory; errors name files relative to <paramref name="relativeTo"/>.</summary>
    internal static ChallengeSuite? LoadChallenge(string dir, string relativeTo, List<ContentError> errors)
    {
        var before = errors.Count;
        var slug = Path.GetFileName(dir);
        string Rel(string file) => Path.GetRelativePath(relativeTo, Path.Combine(dir, file)).Replace('\\', '/');
        if (!SlugPattern().IsMatch(slug) || slug.Length > 100)
        {
            errors.Add(new ContentError(Rel(""), null, null, $"slug inválido '{slug}': use letras minúsculas, dígitos e hífens (até 100)"));
        }

        var metadataPath = Path.Combine(dir, MetadataFile);
        var testsPath = Path.Combine(dir, TestsFile);
        var descriptionPath = Path.Combine(dir, DescriptionFile);
        foreach (var required in new[] { metadataPath, testsPath, descriptionPath })
        {
            if (!File.Exists(required))
            {
                errors.Add(new ContentError(Rel(Path.GetFileName(required)), null, null, "arquivo obrigatório ausente"));
            }
        }
        if (errors.Count > before)
        {
            return null;
        }

        var description = File.ReadAllText(descriptionPath);
        if (string.IsNullOrWhiteSpace(description))
        {
            errors.Add(new ContentError(Rel(DescriptionFile), null, null, "a descrição está vazia"));
        }

        var meta = new YamlReader(Rel(MetadataFile), errors);
        var metaRoot = meta.LoadRoot(File.ReadAllText(metadataPath));
        var tests = new YamlReader(Rel(TestsFile), errors);
        var testsRoot = tests.LoadRoot(File.ReadAllText(testsPath));
        if (metaRoot is null || testsRoot is null)
        {
            return null;
        }

        var m = meta.Fields(metaRoot, MetadataKeys);
        var title = meta.String(meta.Required(m, metaRoot, "title"), "title", 200);
        var shortDescription = meta.String(meta.Required(m, metaRoot, "short_description"), "short_description", 500);
        var stack = ParseEnum<ChallengeStack>(meta, meta.Required(m, metaRoot, "stack"), "stack");
        var level = ParseEnum<ChallengeLevel>(meta, meta.Required(m, metaRoot, "level"), "level");
        var difficulty = meta.Integer(meta.Required(m, metaRoot, "difficulty"), "difficulty", 1, 5);
        var technologies = meta.StringList(meta.Required(m, metaRoot, "technologies"), "technologies");
        var tags = m.TryGetValue("tags", out var tagsNode) ? meta.StringList(tagsNode, "tags") : [];
        var requirements = meta.StringList(meta.Required(m, metaRoot, "requirements"), "requirements");
        var xp = m.TryGetValue("xp_reward", out var xpNode) ? meta.Integer(xpNode, "xp_reward", 0, 100_000) : 100;
        var minutes = meta.Integer(meta.Required(m, metaRoot, "estimated_time_minutes"), "estimated_time_minutes", 1, 10_000);
        var badges = m.TryGetValue("badges", out var badgesNode) ? meta.StringList(badgesNode, "badges") : [];
        var published = m.TryGetValue("published", out var publishedNode) ? meta.Bool(publishedNode, "published") : true;
        if (technologies is { Count: 0 })
        {
            meta.Error(m["technologies"], "technologies: informe ao menos uma tecnologia");
        }
        if (requirements is { Count: 0 })
        {
            meta.Error(m["requirements"], "requirements: informe ao menos um requisito");
        }

        var spec = ReadTests(tests, testsRoot);
        var languages = ReadLanguages(dir, Rel, spec, errors);

        if (errors.Count > before || title is null || shortDescription is null || stack is null || level is null || difficulty is null
            || technologies is null || tags is null || requirements is null || xp is null || minutes is null || badges is null
            || published is null || spec is null)
        {
            return null;
        }
        return new ChallengeSuite
        {
            Slug = slug,
            Title = title,
            ShortDescription = shortDescription,
            Description = description,
            Stack = stack.Value,
            Level = level.Value,
            Difficulty = (int)difficulty.Value,
            Technologies = technologies,
            Tags = tags,
            Requirements = requirements,
            XpReward = (int)xp.Value,
            EstimatedTimeMinutes = (int)minutes.Value,
            Badges = badges,
            Published = published.Value,
            Tests = spec,
            Languages = languages,
            Directory = dir,
        };
    }

    static T? ParseEnum<T>(YamlReader reader, YamlNode? node, string what) where T : struct, Enum
    {
        var text = reader.String(node, what);
        if (text is null)
        {
            return null;
        }
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToList();
        if (names.Contains(text))
        {
            return Enum.Parse<T>(text, ignoreCase: true);
        }
        reader.Error(node, $"{what}: '{text}' não é um valor aceito ({string.Join(" | ", names)})");
        return null;
    }

    static TestSpec? ReadTests(YamlReader r, YamlMappingNode root)
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
                return ReadScenarioTests(r, root, f);
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
    static bool ReadCaseList(YamlReader r, Dictionary<string, YamlNode> f, YamlMappingNode root, Func<YamlMappingNode, int, string?> readCase)
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

    static TypeRef? ReadType(YamlReader r, YamlNode? node, string what)
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

    static Dictionary<string, LanguageCode> ReadLanguages(string dir, Func<string, string> rel, TestSpec? spec, List<ContentError> errors)
    {
        var result = new Dictionary<string, LanguageCode>(StringComparer.Ordinal);
        var solutionDir = Path.Combine(dir, "solution");
        var starterDir = Path.Combine(dir, "starter");
        var known = TestLanguages.All.ToDictionary(l => l.ContentFileName, StringComparer.Ordinal);
        foreach (var folder in new[] { solutionDir, starterDir })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (!known.ContainsKey(name))
                {
                    errors.Add(new ContentError(rel(Path.Combine(Path.GetFileName(folder), name)), null, null,
                        $"arquivo desconhecido; use {string.Join(", ", known.Keys)}"));
                }
            }
        }
        foreach (var lang in TestLanguages.All)
        {
            var solutionPath = Path.Combine(solutionDir, lang.ContentFileName);
            var starterPath = Path.Combine(starterDir, lang.ContentFileName);
            var hasStarter = File.Exists(starterPath);
            if (!File.Exists(solutionPath))
            {
                if (hasStarter)
                {
                    errors.Add(new ContentError(rel("solution/" + lang.ContentFileName), null, null,
                        $"há starter/{lang.ContentFileName} mas falta a solução de referência"));
                }
                continue;
            }
            var solution = File.ReadAllText(solutionPath);
            if (string.IsNullOrWhiteSpace(solution))
            {
                errors.Add(new ContentError(rel("solution/" + lang.ContentFileName), null, null, "a solução está vazia"));
                continue;
            }
            string? starter = hasStarter ? File.ReadAllText(starterPath) : spec is null ? null : StarterGenerator.Generate(lang.Id, spec);
            if (starter is null)
            {
                if (spec is not null)
                {
                    errors.Add(new ContentError(rel("starter/" + lang.ContentFileName), null, null,
                        "kind: scenario precisa de starter explícito (a classe, seu erro e as assinaturas dos métodos)"));
                }
                continue;
            }
            result[lang.Id] = new LanguageCode(
                lang.Id,
                [new SourceFile(lang.ContentFileName, starter)],
                [new SourceFile(lang.ContentFileName, solution)],
                StarterGenerated: !hasStarter);
        }
        if (result.Count == 0 && spec is not null)
        {
            errors.Add(new ContentError(rel("solution/"), null, null,
                $"nenhuma solução de referência; crie ao menos uma entre {string.Join(", ", TestLanguages.All.Select(l => l.ContentFileName))}"));
        }
        return result;
    }
}
