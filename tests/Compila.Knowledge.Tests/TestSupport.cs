using Microsoft.Extensions.Options;

namespace Compila.Knowledge.Tests;

/// <summary>
/// A cheap deterministic embedder for ranking tests: hashed bag of normalised terms, unit length. Texts sharing terms
/// get a high cosine, unrelated texts about zero.
/// </summary>
internal sealed class BagOfWordsEmbedder : ITextEmbedder
{
    public string ModelId => "bag-of-words-test";

    public int Dimensions => 384;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        texts.Select(Vector).ToList();

    float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (var term in TextNormalizer.Terms(text))
            vector[(int)((uint)StableHash(term) % Dimensions)] += 1;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
                vector[i] /= norm;
        }
        return vector;
    }

    static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
                hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}

/// <summary>Counts the texts it passes to the wrapped embedder.</summary>
internal sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    int textsEmbedded;

    public int TextsEmbedded => Volatile.Read(ref textsEmbedded);

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref textsEmbedded, texts.Count);
        return inner.Embed(texts, cancellationToken);
    }
}

/// <summary>The real MiniLM model, loaded once for the whole test run.</summary>
internal static class SharedMiniLm
{
    public static MiniLmEmbedder Instance { get; } = new();
}

internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compila-knowledge-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}

internal static class Fixtures
{
    public static KnowledgeBase Create(ITextEmbedder? embedder = null, Action<KnowledgeOptions>? configure = null, string? directory = null)
    {
        var options = new KnowledgeOptions { IndexDirectory = directory };
        configure?.Invoke(options);
        return new KnowledgeBase(Options.Create(options), embedder ?? new BagOfWordsEmbedder(), new LocalVectorIndex(directory));
    }

    public static KnowledgeDocument Article(string id, string title, string markdown, string language = "general", string? topic = null) =>
        new(id, title, markdown) { Language = language, Topic = topic, Url = "/docs/" + id };

    public static readonly KnowledgeDocument PythonLists = Article("python-listas", "Listas em Python", """
        ## Criando listas

        Uma lista guarda elementos em ordem. Use append para adicionar no fim e pop para remover.

        ```python
        frutas = ["caju", "açaí"]
        frutas.append("manga")
        ```

        ## Fatiamento

        O fatiamento lista[inicio:fim] cria uma cópia rasa de parte da lista.
        """, "python", "collections");

    public static readonly KnowledgeDocument GoMaps = Article("go-maps", "Maps em Go", """
        ## Criando maps

        Um map associa chaves a valores. Escrever num map nil causa panic; crie com make.

        ```go
        estoque := make(map[string]int)
        estoque["arroz"] = 10
        ```
        """, "go", "collections");

    public static readonly KnowledgeDocument BigO = Article("big-o", "Complexidade Big-O", """
        ## Notação Big-O

        A notação Big-O descreve como o tempo de um algoritmo cresce com a entrada. Dois laços aninhados custam O(n²).

        ## Busca binária

        A busca binária encontra um valor numa sequência ordenada em O(log n).
        """, "general", "complexity");

    public static readonly KnowledgeDocument SqlJoins = Article("sql-joins", "JOINs em SQL", """
        ## LEFT JOIN

        O LEFT JOIN mantém todas as linhas da tabela da esquerda, com NULL onde não há correspondência.
        Para achar clientes sem pedidos, filtre pedidos com IS NULL.
        """, "general", "sql");

    public static IReadOnlyList<KnowledgeDocument> Small { get; } = [PythonLists, GoMaps, BigO, SqlJoins];
}
