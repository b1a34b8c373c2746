using System.Text;
using System.Text.RegularExpressions;

namespace Compila.Web.Features.SmartSolver.Offline;

/// <summary>
/// The offline Response: pt-BR, 80–160 words. It explains the first failing visible case (expected vs actual),
/// points at the blamed line, gives a hint that leads without handing over code, and names strengths when there are
/// some. It only quotes the learner's own line and visible cases.
/// </summary>
public static partial class FeedbackWriter
{
    public const int MinWords = 80;
    public const int MaxWords = 160;

    public static string Write(Investigation inv, FeedbackPlan plan, string? nextChallengeTitle)
    {
        var sentences = new List<string>();
        var failure = inv.Failure;
        var fault = plan.Fault;
        switch (inv.Outcome)
        {
            case FailureKind.None:
                sentences.Add($"Parabéns: seu código passou em todos os {inv.Total} testes, inclusive nos casos ocultos.");
                break;
            case FailureKind.Compile:
                sentences.Add(failure is null
                    ? "Seu código não compilou, então nenhum teste pôde rodar."
                    : $"Seu código não compilou, então nenhum teste pôde rodar: o primeiro caso, “{failure.Name}”, nem chegou a executar.");
                break;
            case FailureKind.HiddenOnly:
                sentences.Add($"Seu código passou em todos os casos visíveis ({inv.Passed} de {inv.Total} testes), mas {inv.HiddenFailed} caso(s) oculto(s) falharam. Os detalhes dos casos ocultos não são mostrados, de propósito: eles verificam situações descritas no enunciado.");
                break;
            default:
                sentences.Add($"Seu código passou em {inv.Passed} de {inv.Total} testes. O primeiro caso que falhou foi “{failure!.Name}”: {CaseSentence(failure, inv.Language)}");
                break;
        }

        if (fault?.Line is { } line && line >= 1 && line <= inv.Source.LineCount)
        {
            var quoted = inv.Source.Raw[line - 1].Trim();
            if (quoted.Length > 70)
            {
                quoted = quoted[..70] + "…";
            }

            sentences.Add($"Olhe a linha {line}: `{quoted}`. {fault.Detail ?? fault.Description}");
        }
        else if (fault is not null)
        {
            sentences.Add(fault.Description);
        }

        if (fault is not null)
        {
            sentences.Add("Dica: " + fault.Suggestion);
        }

        if (inv.Strengths.Count > 0)
        {
            sentences.Add($"Ponto positivo: {string.Join("; ", inv.Strengths.Take(inv.Outcome == FailureKind.None ? 3 : 2))}.");
        }

        if (inv.Outcome == FailureKind.None)
        {
            var hint = plan.Issues.FirstOrDefault(i => i.Line is not null);
            sentences.Add(hint is null
                ? "Não encontramos avisos de estilo nem de complexidade no seu código."
                : $"Um detalhe para melhorar, na linha {hint.Line}: {hint.Description}");
            sentences.Add("Como você passou, a solução de referência está liberada: compare as abordagens e veja o que cada uma faz melhor.");
            if (nextChallengeTitle is not null)
            {
                sentences.Add($"Próximo passo sugerido: “{nextChallengeTitle}”.");
            }
        }

        var padding = new List<string>
        {
            inv.Outcome == FailureKind.Compile
                ? "Corrija um erro de compilação por vez, a partir do primeiro: os seguintes muitas vezes são consequência dele. Depois, confira o caso “" + (failure?.Name ?? "") + "” com calma."
                : inv.Outcome == FailureKind.None || failure is null || failure.Name == "caso oculto"
                ? "Releia os requisitos um a um e pergunte-se qual caso de teste verifica cada um deles; os ocultos costumam cobrir as bordas: vazio, zero, negativos e limites."
                : $"Refaça o caso “{failure.Name}” à mão, anotando o valor de cada variável linha a linha: o ponto em que o valor se afasta do esperado é onde está o problema.",
            "Depois de corrigir, rode os testes de novo e veja se os outros casos continuam passando.",
            "Escrever um pequeno teste seu para esse cenário ajuda a não repetir o erro.",
        };
        var text = Join(sentences);
        foreach (var extra in padding)
        {
            if (Words(text) >= MinWords)
            {
                break;
            }

            sentences.Add(extra);
            text = Join(sentences);
        }

        return Trim(text);
    }

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    static string CaseSentence(FailingCase failure, string language)
    {
        string V(string? value) => Short(Literal(value, language));
        return failure.Kind switch
        {
            FailureKind.Exception => $"ao chamar {Short(failure.Call)}, seu código lançou {failure.Error ?? "um erro"} em vez de devolver {V(failure.Expected)}.",
            FailureKind.Timeout => $"ao chamar {Short(failure.Call)}, o programa não terminou dentro do tempo limite.",
            FailureKind.WrongType => $"ao chamar {Short(failure.Call)}, o esperado era {V(failure.Expected)}, mas seu código devolveu {V(failure.Actual)}, que é de outro tipo.",
            _ => $"ao chamar {Short(failure.Call)}, o esperado era {V(failure.Expected)}, mas seu código devolveu {V(failure.Actual)}.",
        };
    }

    /// <summary>null, true and false as the learner's language spells them.</summary>
    static string? Literal(string? value, string language) => (value, language) switch
    {
        ("null", "python") => "None",
        ("true", "python") => "True",
        ("false", "python") => "False",
        ("null", "go") => "nil",
        _ => value,
    };

    static string Short(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "nada";
        }

        var flat = Whitespace().Replace(value, " ");
        return flat.Length <= 60 ? flat : flat[..60] + "…";
    }

    static string Join(List<string> sentences) => string.Join(' ', sentences.Select(s => s.Trim()));

    /// <summary>Cuts at a sentence end so the text stays within <see cref="MaxWords"/>.</summary>
    static string Trim(string text)
    {
        if (Words(text) <= MaxWords)
        {
            return text;
        }

        var result = new StringBuilder();
        foreach (var sentence in SentenceEnd().Split(text))
        {
            if (Words(result + " " + sentence) > MaxWords)
            {
                break;
            }

            result.Append(result.Length == 0 ? "" : " ").Append(sentence);
        }

        return result.Length == 0 ? string.Join(' ', text.Split(' ').Take(MaxWords)) : result.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
