using System.Globalization;
using System.Text;

namespace Compila.Knowledge;

/// <summary>
/// Portuguese-aware normalisation for keyword search: lower case, accents folded, a small pt-BR stopword list and
/// light stemming (plurals, adverbs in -mente, -ção nouns, verb endings, final vowel), so that "funções", "função",
/// "ordenação", "ordenar" and "ordenando" meet their stems. Programming names such as C#, C++, .NET and Node.js are kept.
/// </summary>
public static class TextNormalizer
{
    static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "a", "o", "as", "os", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas",
        "por", "pelo", "pela", "pelos", "pelas", "para", "pra", "com", "sem", "sob", "e", "ou", "que", "se", "ao", "aos",
        "num", "numa", "eu", "tu", "ele", "ela", "eles", "elas", "voce", "voces", "meu", "minha", "meus", "minhas", "seu",
        "sua", "seus", "suas", "isso", "isto", "esse", "essa", "esses", "essas", "este", "esta", "estes", "estas", "aquilo",
        "qual", "quais", "quando", "onde", "como", "porque", "porquê", "quem", "sao", "ser", "sou", "foi", "era", "estao",
        "estar", "ter", "tem", "tenho", "ha", "mais", "menos", "muito", "muita", "ja", "nao", "sim", "tambem", "mas",
        "entre", "ate", "apos", "sobre", "cada", "todo", "toda", "todos", "todas", "outro", "outra", "lhe", "me", "te",
        "nosso", "nossa", "vai", "vou", "fazer", "faz", "faco", "posso", "pode", "podem", "preciso", "devo", "deve",
        "the", "of", "and", "to", "in", "is", "an", "it",
    };

    /// <summary>Tokens of <paramref name="text"/> after normalisation, stopwords removed, stems applied.</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var token in Tokens(text))
        {
            if (Stopwords.Contains(token))
                continue;
            terms.Add(Stem(token));
        }
        return terms;
    }

    /// <summary>Lower-cased, accent-folded tokens (letters, digits and the marks of C#, C++ and .NET).</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var folded = FoldAccents(text.ToLowerInvariant());
        var builder = new StringBuilder();
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
                continue;
            }
            if (c == '#' && builder.Length == 1 && builder[0] is 'c' or 'f')
            {
                yield return builder[0] == 'c' ? "csharp" : "fsharp";
                builder.Clear();
                continue;
            }
            if (c == '+' && i + 1 < folded.Length && folded[i + 1] == '+' && builder.ToString() == "c")
            {
                yield return "cpp";
                builder.Clear();
                i++;
                continue;
            }
            if (c == '.' && builder.Length == 0 && i + 3 < folded.Length + 0 && string.CompareOrdinal(folded, i + 1, "net", 0, 3) == 0
                && (i + 4 >= folded.Length || !char.IsLetterOrDigit(folded[i + 4])))
            {
                yield return "dotnet";
                i += 3;
                continue;
            }
            if (c == '.' && builder.Length > 0 && i + 2 < folded.Length && string.CompareOrdinal(folded, i + 1, "js", 0, 2) == 0
                && (i + 3 >= folded.Length || !char.IsLetterOrDigit(folded[i + 3])))
            {
                builder.Append("js");
                i += 2;
                continue;
            }
            if (builder.Length > 0)
            {
                yield return builder.ToString();
                builder.Clear();
            }
        }
    }

    /// <summary>Removes diacritics: "ação" → "acao", "Ç" stays a letter ("c").</summary>
    public static string FoldAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    static readonly (string Suffix, string Replacement)[] Plurals =
    [
        ("oes", "ao"), ("aes", "ao"), ("ais", "al"), ("eis", "el"), ("ois", "ol"), ("ns", "m"), ("res", "r"), ("zes", "z"),
    ];

    static readonly string[] Endings =
    [
        "amentos", "imentos", "amento", "imento", "acao", "icao", "ando", "endo", "indo", "ados", "idos", "adas", "idas",
        "ado", "ido", "ada", "ida", "ar", "er", "ir",
    ];

    /// <summary>Light Portuguese stemmer applied to an already folded, lower-case token.</summary>
    public static string Stem(string token)
    {
        if (token.Length <= 3 || token.Any(char.IsDigit))
            return token;
        var word = token;
        var plural = false;
        foreach (var (suffix, replacement) in Plurals)
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length] + replacement;
                plural = true;
                break;
            }
        }
        if (!plural && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
            word = word[..^1];
        if (word.Length > 7 && word.EndsWith("mente", StringComparison.Ordinal))
            word = word[..^5];
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 4 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                word = word[..^ending.Length];
                break;
            }
        }
        if (word.Length >= 5 && word[^1] is 'a' or 'e' or 'o')
            word = word[..^1];
        return word;
    }
}
