using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Compila.ChallengeSuites.Content;

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

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

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

        var spec = TestSpecReader.Read(tests, testsRoot);
        var languages = LanguageCodeReader.Read(dir, Rel, spec, errors);

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
}
