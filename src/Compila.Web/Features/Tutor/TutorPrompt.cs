using System.Globalization;
using System.Text;
using Compila.Knowledge;
using Microsoft.Extensions.AI;

namespace Compila.Web.Features.Tutor;

/// <summary>The messages a model gets: the tutor's rules, the retrieved passages, the challenge in play, the conversation.</summary>
internal static class TutorPrompt
{
    public static List<ChatMessage> Build(TutorRequest request, TutorChallengeContext? context, IReadOnlyList<SearchHit> hits)
    {
        var system = new StringBuilder("""
            Você é o tutor da compila.dev, uma plataforma brasileira para aprender programação resolvendo desafios.
            Responda em português do Brasil, de forma clara e didática, em até 250 palavras.
            Use as passagens da base de conhecimento abaixo e cite cada fonte que usar pelo id entre colchetes, como [python-listas].
            Nunca entregue a solução completa de um desafio nem código que o resolva inteiro: guie com perguntas, dicas e exemplos menores.
            Você não conhece os casos de teste ocultos; não invente valores esperados.
            """);
        system.AppendLine().AppendLine("Passagens:");
        foreach (var hit in hits)
        {
            system.AppendLine(CultureInfo.InvariantCulture, $"[{hit.DocumentId}] {hit.Title}{(hit.Heading is null ? "" : " — " + hit.Heading)}").AppendLine(hit.Text).AppendLine();
        }

        if (context is not null)
        {
            system.AppendLine(CultureInfo.InvariantCulture, $"O aluno está no desafio \"{context.Title}\". Enunciado:").AppendLine(context.Statement);
            if (context.LastCode is not null)
            {
                system.AppendLine(CultureInfo.InvariantCulture, $"Última submissão do aluno ({context.Language}, resultado: {context.LastStatus}):").AppendLine(context.LastCode);
            }

            if (context.FirstFailingVisible is not null)
            {
                system.AppendLine("Primeiro caso visível que falhou: " + context.FirstFailingVisible);
            }
        }

        var messages = new List<ChatMessage> { new(ChatRole.System, system.ToString()) };
        foreach (var turn in request.History ?? [])
        {
            messages.Add(new ChatMessage(turn.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, turn.Content));
        }

        messages.Add(new ChatMessage(ChatRole.User, request.Message!));
        return messages;
    }
}
