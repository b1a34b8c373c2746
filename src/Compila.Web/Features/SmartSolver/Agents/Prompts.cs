using System.Text;
using System.Text.Json.Nodes;
using Compila.Web.Features.SmartSolver.Offline;

namespace Compila.Web.Features.SmartSolver.Agents;

/// <summary>
/// The agents' prompts. They carry the challenge's title, requirements and description, the learner's code with line
/// numbers, the visible failing case and the offline findings — never a hidden case's arguments, expected value or
/// output, and never the reference solution.
/// </summary>
public static class Prompts
{
    public const string InvestigateSystem = """
        Você é o agente Investigate do compila.dev, uma plataforma brasileira de desafios de programação.
        Analise o código de um aprendiz com atenção e responda apenas com JSON, sem texto adicional.
        Escreva títulos, descrições e sugestões em português do Brasil. Aponte linhas do arquivo do aprendiz.
        Nunca escreva a solução nem trechos de código corrigido: as sugestões guiam, não resolvem.
        """;

    public const string ResponseSystem = """
        Você é o agente Response do compila.dev. Escreva o feedback final para um aprendiz brasileiro, em português do Brasil,
        com 80 a 160 palavras: explique o primeiro caso que falhou (esperado e obtido), aponte a linha do problema e dê uma dica
        que conduza sem entregar a solução; cite pontos fortes quando houver. Nunca escreva código da solução nem invente
        detalhes de casos ocultos. Responda apenas com JSON.
        """;

    public static readonly JsonObject InvestigateSchema = JsonNode.Parse("""
        {
          "type": "object",
          "required": ["error_count", "warning_count", "issues", "strengths", "overall_score"],
          "properties": {
            "error_count": { "type": "integer", "minimum": 0 },
            "warning_count": { "type": "integer", "minimum": 0 },
            "issues": {
              "type": "array", "maxItems": 10,
              "items": {
                "type": "object",
                "required": ["type", "severity", "title", "location", "description", "suggestion"],
                "properties": {
                  "type": { "enum": ["error", "warning", "info"] },
                  "severity": { "enum": ["critical", "high", "medium", "low"] },
                  "title": { "type": "string" },
                  "location": { "type": "object", "required": ["line"], "properties": { "file": { "type": "string" }, "line": { "type": "integer", "minimum": 1 } } },
                  "description": { "type": "string" },
                  "suggestion": { "type": "string" }
                }
              }
            },
            "strengths": { "type": "array", "items": { "type": "string" }, "maxItems": 5 },
            "overall_score": { "type": "integer", "minimum": 0, "maximum": 100 }
          }
        }
        """)!.AsObject();

    public static readonly JsonObject ResponseSchema = JsonNode.Parse("""
        {
          "type": "object",
          "required": ["summary", "learning_points"],
          "properties": {
            "summary": { "type": "string" },
            "learning_points": { "type": "array", "items": { "type": "string" }, "maxItems": 6 }
          }
        }
        """)!.AsObject();

    public static string Investigate(SolverRun run, Investigation inv)
    {
        var sb = Header(run, inv);
        sb.AppendLine("ACHADOS DA ANÁLISE ESTÁTICA E DOS TESTES:");
        foreach (var f in inv.Findings)
        {
            sb.Append("- linha ").Append(f.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?").Append(": ").Append(f.Title).Append(". ").AppendLine(f.Description);
        }

        sb.AppendLine();
        sb.AppendLine("Forneça análise em JSON com este formato:");
        sb.AppendLine("""{"error_count": <número de erros>, "warning_count": <número de avisos>, "issues": [{"type": "error|warning|info", "severity": "critical|high|medium|low", "title": "<título breve>", "location": {"file": "<arquivo>", "line": <linha>}, "description": "<descrição detalhada>", "suggestion": "<sugestão de correção>"}], "strengths": ["<ponto forte>"], "overall_score": <0-100>}""");
        sb.AppendLine("Responda apenas com o JSON, sem texto adicional.");
        return sb.ToString();
    }

    public static string Response(SolverRun run, Investigation inv, FeedbackPlan plan)
    {
        var sb = Header(run, inv);
        if (plan.Fault is { } fault)
        {
            sb.Append("PROBLEMA PRINCIPAL (linha ").Append(fault.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?").Append("): ")
                .Append(fault.Title).Append(". ").AppendLine(fault.Description);
            sb.Append("DICA SUGERIDA: ").AppendLine(fault.Suggestion);
        }

        var strengths = run.ModelStrengths ?? [.. inv.Strengths];
        if (strengths.Count > 0)
        {
            sb.Append("PONTOS FORTES: ").AppendLine(string.Join("; ", strengths));
        }

        sb.AppendLine();
        sb.AppendLine("""Responda com JSON: {"summary": "<feedback em pt-BR, 80 a 160 palavras>", "learning_points": ["<ponto de aprendizado>"]}""");
        return sb.ToString();
    }

    static StringBuilder Header(SolverRun run, Investigation inv)
    {
        var content = run.Context.Content;
        var sb = new StringBuilder();
        sb.Append("DESAFIO: ").AppendLine(content.Title);
        sb.Append("NÍVEL: ").AppendLine(content.LevelName);
        sb.AppendLine("REQUISITOS:");
        foreach (var requirement in content.Requirements)
        {
            sb.Append("- ").AppendLine(requirement);
        }

        sb.AppendLine();
        sb.Append("LINGUAGEM: ").Append(inv.Language).Append(" (arquivo ").Append(inv.File).AppendLine(")");
        sb.AppendLine("CÓDIGO SUBMETIDO (com números de linha):");
        sb.Append("```").AppendLine(inv.Language);
        for (var i = 0; i < inv.Source.LineCount; i++)
        {
            sb.Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3)).Append(" | ").AppendLine(inv.Source.Raw[i]);
        }

        sb.AppendLine("```");
        sb.AppendLine();
        sb.Append("TESTES: ").Append(inv.Passed).Append(" de ").Append(inv.Total).AppendLine(" passaram.");
        switch (inv.Outcome)
        {
            case FailureKind.Compile:
                sb.Append("O código não compilou: ").AppendLine(inv.CompileError?.Message);
                break;
            case FailureKind.HiddenOnly:
                sb.Append(inv.HiddenFailed).AppendLine(" caso(s) oculto(s) falharam; seus dados são sigilosos e não devem ser mencionados nem inventados.");
                break;
            case FailureKind.None:
                break;
            default:
                var f = inv.Failure!;
                sb.Append("PRIMEIRO CASO VISÍVEL QUE FALHOU: \"").Append(f.Name).Append("\": ").Append(f.Call);
                sb.Append(" → esperado ").Append(f.Expected ?? "?");
                sb.AppendLine(f.Kind switch
                {
                    FailureKind.Exception => $", lançou {f.Error}",
                    FailureKind.Timeout => ", tempo limite excedido",
                    _ => $", obtido {f.Actual ?? "nada"}",
                });
                if (inv.HiddenFailed > 0)
                {
                    sb.Append(inv.HiddenFailed).AppendLine(" caso(s) oculto(s) também falharam (dados sigilosos).");
                }

                break;
        }

        sb.AppendLine();
        return sb;
    }
}
