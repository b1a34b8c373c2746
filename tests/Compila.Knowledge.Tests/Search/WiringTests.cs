using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compila.Knowledge.Tests.Search;

public class WiringTests
{
    [Fact]
    public async Task AddCompilaKnowledge_ResolvesASingletonKnowledgeBase_WithTheLocalIndex()
    {
        using var folder = new TempDirectory();
        var services = new ServiceCollection();
        services.AddSingleton<ITextEmbedder, BagOfWordsEmbedder>();   // the host would keep the MiniLM default
        services.AddCompilaKnowledge(o => o.IndexDirectory = folder.Path);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var knowledge = provider.GetRequiredService<IKnowledgeBase>();
        await knowledge.IndexAsync(Fixtures.Small, TestContext.Current.CancellationToken);

        Assert.Same(knowledge, provider.GetRequiredService<IKnowledgeBase>());
        Assert.IsType<LocalVectorIndex>(provider.GetRequiredService<IVectorIndex>());
        Assert.True(File.Exists(Path.Combine(folder.Path, "vectors.bin")));
    }

    [Fact]
    public void AddCompilaKnowledge_DefaultsToMiniLm()
    {
        using var provider = new ServiceCollection().AddCompilaKnowledge().BuildServiceProvider();

        Assert.IsType<MiniLmEmbedder>(provider.GetRequiredService<ITextEmbedder>());
    }

    [Fact]
    public void AddCompilaKnowledge_Qdrant_WithoutUrl_FailsValidation()
    {
        using var provider = new ServiceCollection()
            .AddCompilaKnowledge(o => o.VectorBackend = VectorBackend.Qdrant)
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
    }

    [Fact]
    [Trait("Lane", "Fast")]
    public void AddCompilaKnowledge_OverlapNotShorterThanThePassage_FailsValidation_NamingTheSetting()
    {
        using var provider = new ServiceCollection()
            .AddCompilaKnowledge(o => o.Chunking = new ChunkingOptions { MaxWords = 40, OverlapWords = 40 })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
        Assert.Contains("Knowledge:Chunking:OverlapWords", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCompilaKnowledge_Qdrant_WithUrl_BuildsTheQdrantIndex()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<ITextEmbedder, BagOfWordsEmbedder>()
            .AddCompilaKnowledge(o =>
            {
                o.VectorBackend = VectorBackend.Qdrant;
                o.Qdrant.Url = "http://localhost:6334";
            })
            .BuildServiceProvider();

        // The client connects lazily: building it needs no server.
        Assert.IsType<QdrantVectorIndex>(provider.GetRequiredService<IVectorIndex>());
    }

    [Fact]
    public void Qdrant_FilterAndPointIds_AreBuiltFromTheSearchFilters()
    {
        Assert.Null(QdrantVectorIndex.FilterOf(null));
        var filter = QdrantVectorIndex.FilterOf(new SearchFilters(Language: "C#", Topic: "Async", IncludeGeneral: true))!;
        Assert.Equal(2, filter.Must.Count);
        Assert.Equal("language", filter.Must[0].Field.Key);
        Assert.Equal(["csharp", "general"], filter.Must[0].Field.Match.Keywords.Strings);
        Assert.Equal("async", filter.Must[1].Field.Match.Keyword);

        Assert.Equal(QdrantVectorIndex.PointIdOf("go-maps#0"), QdrantVectorIndex.PointIdOf("go-maps#0"));
        Assert.NotEqual(QdrantVectorIndex.PointIdOf("go-maps#0"), QdrantVectorIndex.PointIdOf("go-maps#1"));
        Assert.True(Guid.TryParse(QdrantVectorIndex.PointIdOf("go-maps#0").Uuid, out _));
    }
}
