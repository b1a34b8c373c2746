using System.Globalization;
using System.Text;

namespace Compila.Knowledge;

/// <summary>
/// Splits Markdown at headings, then packs the blocks of a section (paragraphs, lists, fenced code) into
/// passages of at most <see cref="ChunkingOptions.MaxWords"/> words. A code block is never cut; consecutive
/// passages of a section share their last <see cref="ChunkingOptions.OverlapWords"/> words of prose.
/// </summary>
public sealed class MarkdownChunker(ChunkingOptions options)
{
    public ChunkingOptions Options { get; } = options;

    public IReadOnlyList<KnowledgeChunk> Chunk(KnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var chunks = new List<KnowledgeChunk>();
        foreach (var section in Sections(document.Markdown))
        {
            foreach (var text in Pack(section.Blocks))
            {
                chunks.Add(new KnowledgeChunk(
                    $"{document.Id}#{chunks.Count}", document.Id, chunks.Count, document.Title,
                    section.Heading, section.Anchor, text, document.Language, document.Topic, document.Url, document.Source));
            }
        }
        return chunks;
    }

    sealed record Section(string Heading, string Anchor, List<Block> Blocks);

    sealed record Block(string Text, bool IsCode)
    {
        public int Words { get; } = CountWords(Text);
    }

    static IEnumerable<Section> Sections(string markdown)
    {
        var path = new List<(int Level, string Text)>();
        var current = new Section(string.Empty, string.Empty, []);
        var paragraph = new StringBuilder();
        var code = new StringBuilder();
        string? fence = null;

        void FlushParagraph()
        {
            var text = paragraph.ToString().Trim('\n');
            if (text.Trim().Length > 0)
                current.Blocks.Add(new Block(text, IsCode: false));
            paragraph.Clear();
        }

        foreach (var rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.TrimEnd();
            var trimmed = line.TrimStart();
            if (fence is not null)
            {
                code.Append(line).Append('\n');
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim() == fence)
                {
                    current.Blocks.Add(new Block(code.ToString().TrimEnd('\n'), IsCode: true));
                    code.Clear();
                    fence = null;
                }
                continue;
            }
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                FlushParagraph();
                fence = trimmed[..3];
                code.Append(line).Append('\n');
                continue;
            }
            var level = HeadingLevel(trimmed);
            if (level > 0)
            {
                FlushParagraph();
                if (current.Blocks.Count > 0)
                    yield return current;
                var text = trimmed[level..].Trim().TrimEnd('#').Trim();
                path.RemoveAll(h => h.Level >= level);
                path.Add((level, text));
                // The document title is already carried by the chunk; a top-level "# Title" adds nothing to the path.
                var heading = string.Join(" › ", path.Where(h => h.Level > 1).Select(h => h.Text));
                current = new Section(heading, Slugify(text), []);
                continue;
            }
            if (line.Length == 0)
            {
                FlushParagraph();
                continue;
            }
            paragraph.Append(line).Append('\n');
        }
        if (fence is not null && code.Length > 0)
            current.Blocks.Add(new Block(code.ToString().TrimEnd('\n'), IsCode: true));
        FlushParagraph();
        if (current.Blocks.Count > 0)
            yield return current;
    }

    IEnumerable<string> Pack(List<Block> blocks)
    {
        var current = new List<Block>();
        var words = 0;
        var hasNew = false;
        foreach (var block in blocks)
        {
            if (hasNew && words + block.Words > Options.MaxWords)
            {
                yield return Join(current);
                current = Overlap(current);
                words = current.Sum(b => b.Words);
                hasNew = false;
            }
            current.Add(block);
            words += block.Words;
            hasNew = true;
        }
        if (hasNew)
            yield return Join(current);
    }

    /// <summary>The tail of a passage repeated at the start of the next one: whole prose blocks, or the last sentences of one.</summary>
    List<Block> Overlap(List<Block> previous)
    {
        var overlap = new List<Block>();
        var budget = Options.OverlapWords;
        for (var i = previous.Count - 1; i >= 0 && budget > 0; i--)
        {
            var block = previous[i];
            if (block.IsCode)
                break;
            if (block.Words <= budget)
            {
                overlap.Insert(0, block);
                budget -= block.Words;
                continue;
            }
            var tail = LastSentences(block.Text, budget);
            if (tail.Length > 0)
                overlap.Insert(0, new Block(tail, IsCode: false));
            break;
        }
        return overlap;
    }

    static string LastSentences(string text, int maxWords)
    {
        var sentences = text.Split(". ", StringSplitOptions.RemoveEmptyEntries);
        var taken = new List<string>();
        var words = 0;
        for (var i = sentences.Length - 1; i >= 0; i--)
        {
            var w = CountWords(sentences[i]);
            if (words + w > maxWords)
                break;
            taken.Insert(0, sentences[i]);
            words += w;
        }
        return string.Join(". ", taken).Trim();
    }

    static string Join(List<Block> blocks) => string.Join("\n\n", blocks.Select(b => b.Text));

    static int HeadingLevel(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
            level++;
        return level is >= 1 and <= 6 && line.Length > level && line[level] == ' ' ? level : 0;
    }

    internal static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
                count++;
            inWord = !isSpace;
        }
        return count;
    }

    /// <summary>Anchor slug of a heading: lower case, accents removed, runs of other characters as one hyphen.</summary>
    public static string Slugify(string heading)
    {
        var folded = TextNormalizer.FoldAccents(heading.ToLowerInvariant());
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }
}

/// <summary>Passage sizes, in words (whitespace separated).</summary>
public sealed class ChunkingOptions
{
    public int MaxWords { get; set; } = 160;

    public int OverlapWords { get; set; } = 30;

    internal string Fingerprint => string.Create(CultureInfo.InvariantCulture, $"chunk:{MaxWords}:{OverlapWords}");
}
