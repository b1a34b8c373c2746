using System.Text.Json.Nodes;
using Compila.Web.Features.Ai;
using Compila.Web.Features.SmartSolver.Offline;

namespace Compila.Web.Features.SmartSolver.Agents;

/// <summary>
/// Analysis loop, step 1: tests, diagnostics mapped to lines and static checks (offline, always); with a model, also
/// the spec's analysis JSON, whose issues and score enrich the offline ones.
/// </summary>
public sealed class InvestigateAgent(AiGateway gateway, ILogger<InvestigateAgent> logger) : SolverAgent(gateway, logger)
{
    public override string Name => "investigate";
    protected override string Status => "Investigando código...";

    public override async Task RunAsync(SolverRun run, CancellationToken ct)
    {
        var context = run.Context;
        var inv = OfflineAnalyzer.Investigate(context.Content, context.Submission.Language, context.Submission.Code, context.Result);
        run.Investigation = inv;

        var (value, _) = await AskJsonAsync(run, "analyze", Prompts.InvestigateSystem, Prompts.Investigate(run, inv), Prompts.InvestigateSchema, ct);
        if (value is JsonObject analysis)
        {
            run.ModelIssues = (analysis["issues"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(i => new Finding(FindingKind.WrongAnswer,
                    i["type"]!.GetValue<string>(),
                    i["severity"]!.GetValue<string>(),
                    i["title"]!.GetValue<string>(),
                    i["location"]!["line"]!.GetValue<int>() is var line && line <= inv.Source.LineCount ? line : null,
                    i["description"]!.GetValue<string>(),
                    i["suggestion"]!.GetValue<string>()))
                .ToList();
            run.ModelStrengths = (analysis["strengths"] as JsonArray ?? []).Select(s => s!.GetValue<string>()).ToList();
            run.ModelScore = analysis["overall_score"]!.GetValue<int>();
        }

        var errors = inv.Findings.Count(f => f.Type == "error") + (inv.HasErrors ? 1 : 0);
        await run.Emit(new InvestigationFindingMessage(Name, new InvestigationFinding(
            inv.HasErrors,
            errors,
            inv.Findings.Count(f => f.Type == "warning"),
            SmartSolverPipeline.Issues(run.ModelIssues ?? [.. inv.Findings], inv.File),
            run.ModelStrengths ?? [.. inv.Strengths])), ct);
    }
}

/// <summary>Analysis loop, step 2: the learning points the findings and the challenge's topics call for.</summary>
public sealed class NoteAgent(AiGateway gateway, ILogger<NoteAgent> logger) : SolverAgent(gateway, logger)
{
    static readonly Dictionary<FindingKind, string> Points = new()
    {
        [FindingKind.Compile] = "Ler mensagens do compilador: a linha e o texto do erro dizem por onde começar.",
        [FindingKind.Runtime] = "Ler exceções: o tipo do erro e a linha contam o que deu errado e onde.",
        [FindingKind.Timeout] = "Terminação de laços: cada volta precisa aproximar o laço da condição de parada.",
        [FindingKind.InfiniteLoop] = "Terminação de laços: cada volta precisa aproximar o laço da condição de parada.",
        [FindingKind.OffByOne] = "Limites de laços: índices vão de 0 até o tamanho menos um.",
        [FindingKind.EmptyInput] = "Casos de borda: pense na entrada vazia antes de acessar o primeiro item.",
        [FindingKind.MutatedArgument] = "Funções sem efeitos colaterais: não altere os argumentos recebidos.",
        [FindingKind.MoneyRounding] = "Dinheiro em centavos inteiros: evite ponto flutuante e arredonde de propósito, nunca por truncamento.",
        [FindingKind.IntegerOverflow] = "Tamanho dos inteiros: 32 bits vão até cerca de 2,1 bilhões; somas e produtos grandes pedem 64 bits.",
        [FindingKind.NestedLoops] = "Complexidade: laços aninhados sobre a entrada custam O(n²).",
        [FindingKind.UnusedVariable] = "Código limpo: variáveis sem uso confundem quem lê.",
        [FindingKind.Shadowing] = "Escopo: evite reaproveitar o nome de um parâmetro ou de uma variável externa.",
        [FindingKind.WrongType] = "Tipos de retorno: devolva exatamente o tipo pedido na assinatura.",
        [FindingKind.WrongAnswer] = "Depuração: simule o caso que falhou à mão, linha a linha.",
    };

    public override string Name => "note";
    protected override string Status => "Anotando os pontos de aprendizado...";

    public override Task RunAsync(SolverRun run, CancellationToken ct)
    {
        var inv = run.Investigation!;
        var plan = FeedbackPlanner.Plan(inv);
        var points = plan.Issues.Select(i => Points.GetValueOrDefault(i.Kind)).OfType<string>().Distinct().Take(4).ToList();
        var topics = run.Context.Content.Tags.Concat(run.Context.Content.Technologies).Distinct().Take(4).ToList();
        if (topics.Count > 0)
        {
            points.Add($"Temas deste desafio: {string.Join(", ", topics)}.");
        }

        run.LearningPoints = points;
        return Task.CompletedTask;
    }
}

