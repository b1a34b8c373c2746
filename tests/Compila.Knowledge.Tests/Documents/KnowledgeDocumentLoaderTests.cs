namespace Compila.Knowledge.Tests.Documents;

public class KnowledgeDocumentLoaderTests
{
    [Fact]
    public void Parse_ReadsFrontMatterAndBody()
    {
        var document = KnowledgeDocumentLoader.Parse("""
            ---
            id: go-maps
            title: "Go: maps"
            language: Go
            topic: Collections
            tags: [map, make]
            ---
            # Go: maps

            Texto.
            """, "go-maps.md");

        Assert.Equal(("go-maps", "Go: maps", "go", "collections", "/docs/go-maps", DocumentSource.Article),
            (document.Id, document.Title, document.Language, document.Topic, document.Url, document.Source));
        Assert.Equal(["map", "make"], document.Tags);
        Assert.Equal("# Go: maps\n\nTexto.", document.Markdown);
    }

    [Theory]
    [InlineData("sem front matter")]
    [InlineData("---\ntitle: Sem id\n---\ntexto")]
    [InlineData("---\nid: x\ntitle: X\nlanguage: cobol\n---\ntexto")]
    [InlineData("---\nid: x\ntitle: X\n")]
    public void Parse_RejectsInvalidArticles(string text) =>
        Assert.Throws<InvalidDataException>(() => KnowledgeDocumentLoader.Parse(text, "bad.md"));

    [Fact]
    public void FromChallenge_BuildsAChallengeDocument()
    {
        var document = KnowledgeDocument.FromChallenge("validar-cpf", "Validar CPF", "Enunciado.", "C#");

        Assert.Equal(("challenge:validar-cpf", "csharp", "challenges", "/challenges/validar-cpf", DocumentSource.Challenge),
            (document.Id, document.Language, document.Topic, document.Url, document.Source));
    }
}

/// <summary>The shipped knowledge base itself: enough articles, every language covered, sizes within the brief.</summary>
public class ContentTests
{
    static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Compila.slnx")))
                return directory.FullName;
        }
        throw new DirectoryNotFoundException("repository root");
    }

    static readonly IReadOnlyList<KnowledgeDocument> Articles = KnowledgeDocumentLoader.LoadDirectory(Path.Combine(Root(), "content", "docs"));

    [Fact]
    public void Articles_AreAtLeastFortyAndCoverEveryLanguageAndTheCoreTopics()
    {
        Assert.True(Articles.Count >= 40, $"{Articles.Count} articles");
        Assert.All(KnowledgeLanguages.All, language => Assert.Contains(Articles, a => a.Language == language));
        string[] topics = ["data-structures", "algorithms", "complexity", "testing", "git", "http", "sql", "debugging"];
        Assert.All(topics, topic => Assert.Contains(Articles, a => a.Topic == topic));
    }

    [Fact]
    public void Articles_HaveBetween300And900Words_HeadingsAndCode()
    {
        Assert.All(Articles, a =>
        {
            var words = MarkdownChunker.CountWords(a.Markdown);
            Assert.InRange(words, 300, 900);
            Assert.Contains("\n## ", a.Markdown, StringComparison.Ordinal);
            Assert.Contains("```", a.Markdown, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EvaluationSet_HasSixtyQuestions_EachMappedToAnExistingArticle()
    {
        var lines = File.ReadAllLines(Path.Combine(Root(), "content", "docs-eval", "questions.yaml"));
        var answers = lines.Select(l => l.Trim()).Where(l => l.StartsWith("answer:", StringComparison.Ordinal)).Select(l => l["answer:".Length..].Trim()).ToList();

        Assert.True(answers.Count >= 60, $"{answers.Count} questions");
        Assert.Equal(answers.Count, lines.Count(l => l.TrimStart().StartsWith("- question:", StringComparison.Ordinal)));
        Assert.All(answers, id => Assert.Contains(Articles, a => a.Id == id));
    }
}
