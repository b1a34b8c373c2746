using System.Security.Claims;
using System.Text.Json;
using Compila.Knowledge;
using Compila.Web.Features.Admin;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Tutor;

public sealed record SearchResult(string DocumentId, string Title, string? Heading, string Snippet, double Score, string Language, string? Topic, string? Url);

public sealed record AddDocumentRequest(string? Title, string? Markdown, string? Language, string? Topic, IReadOnlyList<string>? Tags);

public sealed record ConversationSummary(Guid Id, string Title, Guid? ChallengeId, DateTimeOffset UpdatedAt);

public sealed record ConversationMessage(string Role, string Content, IReadOnlyList<AnswerResource>? Resources, string? Mode, DateTimeOffset CreatedAt);

public sealed record AddDocumentResponse(string Id);

public static class TutorApi
{
    public static void MapTutorApi(this IEndpointRouteBuilder app)
    {
        var ai = app.MapGroup("/v1/ai").WithTags("Tutor").RequireAuthorization().WithRateLimitClass(RateLimitClass.Ai);
        ai.MapGet("/search", Search).WithName("SearchKnowledge").WithSummary("Busca na base de conhecimento (híbrida: palavras-chave + vetores).");
        ai.MapGet("/conversations", Conversations).WithName("ListConversations");
        ai.MapGet("/conversations/{id:guid}", Conversation).WithName("GetConversation");
        app.MapPost("/v1/admin/ai/documents", AddDocument).WithTags("Admin").WithName("AddKnowledgeDocument").RequireAuthorization(Policies.Admin);
        app.MapChatSocket();
    }

    internal static async Task<Results<Ok<IReadOnlyList<SearchResult>>, ValidationProblem>> Search(
        IKnowledgeBase knowledge, CancellationToken ct, string? q = null, int limit = 5, string? language = null, string? topic = null)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(q) || q.Length > 500 || q.Contains('\0'))
        {
            errors.Add("q", "Informe o que buscar (até 500 caracteres).");
        }

        if (limit is < 1 or > 20)
        {
            errors.Add("limit", "O limite vai de 1 a 20.");
        }

        if (language is not null && !KnowledgeLanguages.All.Contains(language))
        {
            errors.Add("language", $"Linguagem desconhecida. Use: {string.Join(", ", KnowledgeLanguages.All)}.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var filters = language is null && topic is null ? null : new SearchFilters(language, topic);
        var hits = await knowledge.SearchAsync(q!, filters, limit, cancellationToken: ct);
        return TypedResults.Ok<IReadOnlyList<SearchResult>>(hits
            .Select(h => new SearchResult(h.DocumentId, h.Title, h.Heading, h.Snippet, Math.Round(h.Score, 4), h.Language, h.Topic, h.Link))
            .ToList());
    }

    internal static async Task<Results<Created<AddDocumentResponse>, ValidationProblem>> AddDocument(AddDocumentRequest request, IKnowledgeBase knowledge, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            errors.Add("title", "Informe um título (até 200 caracteres).");
        }

        if (string.IsNullOrWhiteSpace(request.Markdown) || request.Markdown.Length > 100_000)
        {
            errors.Add("markdown", "Informe o conteúdo em Markdown (até 100 000 caracteres).");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var id = await knowledge.AddDocumentAsync(request.Title!, request.Markdown!, request.Language, request.Topic, request.Tags, ct);
        return TypedResults.Created($"/v1/ai/search?q={Uri.EscapeDataString(request.Title!)}", new AddDocumentResponse(id));
    }

    internal static async Task<Ok<IReadOnlyList<ConversationSummary>>> Conversations(ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var userId = principal.CurrentUserId();
        var rows = await db.Set<TutorConversation>().AsNoTracking().Where(c => c.UserId == userId)
            .OrderByDescending(c => c.UpdatedAt).Take(100)
            .Select(c => new ConversationSummary(c.Id, c.Title, c.ChallengeId, c.UpdatedAt)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ConversationSummary>>(rows);
    }

    internal static async Task<Results<Ok<IReadOnlyList<ConversationMessage>>, NotFound>> Conversation(Guid id, ClaimsPrincipal principal, CompilaDb db, CancellationToken ct)
    {
        var userId = principal.CurrentUserId();
        if (!await db.Set<TutorConversation>().AnyAsync(c => c.Id == id && c.UserId == userId, ct))
        {
            return TypedResults.NotFound();
        }

        var messages = await db.Set<TutorMessage>().AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ConversationMessage>>(messages
            .Select(m => new ConversationMessage(m.Role, m.Content, m.Resources is null ? null : JsonSerializer.Deserialize<List<AnswerResource>>(m.Resources, JsonSerializerOptions.Web), m.Mode, m.CreatedAt)).ToList());
    }
}
