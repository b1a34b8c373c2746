using System.Text.Json;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Tutor;

/// <summary>A learner's conversations with the tutor: opened (from a published challenge or none), continued, stored turn by turn.</summary>
internal sealed class TutorConversations(CompilaDb db, IChallengeCatalog catalog, TimeProvider clock)
{
    /// <returns>
    /// The learner's conversation <see cref="TutorRequest.ConversationId"/>, or a new one (added, not saved); null when
    /// that conversation is not the learner's or the challenge is not published.
    /// </returns>
    public async Task<TutorConversation?> OpenAsync(Guid userId, TutorRequest request, CancellationToken ct)
    {
        if (request.ConversationId is { } id)
        {
            return await db.Set<TutorConversation>().SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct);
        }

        if (request.ChallengeId is { } challengeId && !await catalog.Published().AnyAsync(c => c.Id == challengeId, ct))
        {
            return null;
        }

        var title = request.Message!.Trim();
        var now = clock.GetUtcNow();
        var conversation = new TutorConversation
        {
            UserId = userId,
            ChallengeId = request.ChallengeId,
            Title = title.Length > 80 ? title[..80] + "…" : title,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Set<TutorConversation>().Add(conversation);
        return conversation;
    }

    /// <summary>Stores the question and the reply (one millisecond later, so they sort in order) with the conversation.</summary>
    public async Task SaveAsync(TutorConversation conversation, string question, TutorReply reply, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        conversation.UpdatedAt = now;
        db.Set<TutorMessage>().Add(new TutorMessage { ConversationId = conversation.Id, Role = "user", Content = question, CreatedAt = now });
        db.Set<TutorMessage>().Add(new TutorMessage
        {
            ConversationId = conversation.Id,
            Role = "assistant",
            Content = reply.Message,
            Resources = JsonSerializer.Serialize(reply.Resources, JsonSerializerOptions.Web),
            TokensUsed = reply.TokensUsed,
            Mode = reply.Mode,
            CreatedAt = now.AddMilliseconds(1),
        });
        await db.SaveChangesAsync(ct);
    }
}
