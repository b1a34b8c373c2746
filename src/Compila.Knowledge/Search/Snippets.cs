namespace Compila.Knowledge;

/// <summary>Short excerpts of passages: whole blocks up to about 60 words, never half a code block.</summary>
internal static class Snippets
{
    public static string Of(string text, int targetWords = 60)
    {
        var blocks = SplitBlocks(text);
        var taken = new List<string>();
        var words = 0;
        foreach (var block in blocks)
        {
            var count = MarkdownChunker.CountWords(block);
            if (taken.Count > 0 && words + count > targetWords)
                break;
            taken.Add(block);
            words += count;
        }
        return string.Join("\n\n", taken);
    }

    /// <summary>Blank-line separated blocks, keeping fenced code (which may contain blank lines) in one piece.</summary>
    internal static List<string> SplitBlocks(string text)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        var inFence = false;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                inFence = !inFence;
            if (!inFence && line.Trim().Length == 0)
            {
                if (current.Count > 0)
                    blocks.Add(string.Join('\n', current));
                current.Clear();
                continue;
            }
            current.Add(line);
        }
        if (current.Count > 0)
            blocks.Add(string.Join('\n', current));
        return blocks;
    }
}
