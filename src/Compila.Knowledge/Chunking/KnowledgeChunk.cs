namespace Compila.Knowledge;

/// <summary>A passage of a document: one heading section, or part of one.</summary>
/// <param name="ChunkId">Stable id: <c>{documentId}#{ordinal}</c>.</param>
/// <param name="Heading">Heading path inside the document, e.g. <c>Listas › Fatiamento</c>; empty for the introduction.</param>
/// <param name="Anchor">Slug of the innermost heading, for links (<c>url#anchor</c>).</param>
public sealed record KnowledgeChunk(
    string ChunkId,
    string DocumentId,
    int Ordinal,
    string Title,
    string Heading,
    string Anchor,
    string Text,
    string Language,
    string? Topic,
    string? Url,
    DocumentSource Source);
