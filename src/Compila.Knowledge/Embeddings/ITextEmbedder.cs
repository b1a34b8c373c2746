namespace Compila.Knowledge;

/// <summary>Turns texts into unit-length vectors. Implementations are thread-safe.</summary>
public interface ITextEmbedder
{
    /// <summary>Identifies the model; part of the content hash, so changing it re-embeds everything.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>One normalised vector per text, in order.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
