using System.Text;
using System.Text.RegularExpressions;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>
/// The learner's file as the offline checks read it: lines with string literals emptied and comments removed (so a
/// pattern inside a string never matches), and blocks by indentation (Python) or braces (the others).
/// </summary>
public sealed class SourceCode
{
    public SourceCode(string language, string text)
    {
        Language = language;
        Raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var inBlockComment = false;
        Code = Raw.Select(l => Clean(l, language, ref inBlockComment)).ToArray();
        Depth = new int[Raw.Length];
        var depth = 0;
        for (var i = 0; i < Code.Length; i++)
        {
            Depth[i] = IsPython ? Indent(Raw[i]) : depth;
            if (!IsPython)
            {
                foreach (var c in Code[i])
                {
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                }
            }
        }
    }

    public string Language { get; }
    public bool IsPython => Language == "python";

    /// <summary>The lines as written (index 0 is line 1).</summary>
    public string[] Raw { get; }

    /// <summary>The lines without comments and with string contents removed.</summary>
    public string[] Code { get; }

    /// <summary>Brace depth at the start of each line (indentation width for Python).</summary>
    public int[] Depth { get; }

    public int LineCount => Raw.Length;

    public string AllCode => string.Join('\n', Code);

    /// <summary>The last line (index) of the block opened at <paramref name="index"/>.</summary>
    public int BlockEnd(int index)
    {
        if (IsPython)
        {
            var indent = Indent(Raw[index]);
            var end = index;
            for (var i = index + 1; i < Raw.Length; i++)
            {
                if (Code[i].Trim().Length == 0)
                {
                    continue;
                }

                if (Indent(Raw[i]) <= indent)
                {
                    break;
                }

                end = i;
            }

            return end;
        }

        var depth = 0;
        var opened = false;
        for (var i = index; i < Code.Length; i++)
        {
            foreach (var c in Code[i])
            {
                if (c == '{')
                {
                    depth++;
                    opened = true;
                }
                else if (c == '}')
                {
                    depth--;
                    if (opened && depth <= 0)
                    {
                        return i;
                    }
                }
            }

            // A brace-less body (`for (...) stmt;`) is the next line.
            if (!opened && i > index && Code[i].Trim().Length > 0)
            {
                return i;
            }
        }

        return Code.Length - 1;
    }

    /// <summary>The body of the block opened at <paramref name="index"/> (header line excluded unless it is all there is).</summary>
    public IEnumerable<int> Body(int index)
    {
        var end = BlockEnd(index);
        return end == index ? [index] : Enumerable.Range(index + 1, end - index);
    }

    public int CountWord(string word) => WordPattern(word).Count(AllCode);

    public static Regex WordPattern(string word) => new($@"(?<![\w$]){Regex.Escape(word)}(?![\w$])");

    static int Indent(string line)
    {
        var n = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                n++;
            }
            else if (c == '\t')
            {
                n += 4;
            }
            else
            {
                break;
            }
        }

        return n;
    }

    static string Clean(string line, string language, ref bool inBlockComment)
    {
        var sb = new StringBuilder(line.Length);
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inBlockComment)
            {
                if (c == '*' && i + 1 < line.Length && line[i + 1] == '/')
                {
                    inBlockComment = false;
                    i++;
                }

                continue;
            }

            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                    sb.Append(c);
                }

                continue;
            }

            if (c is '"' or '\'' or '`')
            {
                quote = c;
                sb.Append(c);
                continue;
            }

            if (language == "python" && c == '#')
            {
                break;
            }

            if (language != "python" && c == '/' && i + 1 < line.Length)
            {
                if (line[i + 1] == '/')
                {
                    break;
                }

                if (line[i + 1] == '*')
                {
                    inBlockComment = true;
                    i++;
                    continue;
                }
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

}
