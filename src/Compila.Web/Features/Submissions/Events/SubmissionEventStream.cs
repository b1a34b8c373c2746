using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.Json;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Submissions.Events;

/// <summary>Appends a submission's progress events (numbered 1, 2, 3…) and replays/follows them.</summary>
public sealed class SubmissionEventStream(IServiceScopeFactory scopes, ISubmissionNotifier notifier, TimeProvider clock)
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public Task<int> AppendAsync(Guid submissionId, SolveEvent message, CancellationToken ct) =>
        AppendAsync(submissionId, [message], ct);

    /// <summary>
    /// Appends events in order in one write (a result's test cases arrive together: one transaction instead of
    /// one per case). Returns the last event's sequence number, or 0 when there is nothing to append.
    /// </summary>
    public async Task<int> AppendAsync(Guid submissionId, IReadOnlyList<SolveEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            var sequence = await LastSequenceAsync(db, submissionId, ct);
            var now = clock.GetUtcNow();
            foreach (var message in events)
            {
                Stage(db, submissionId, ++sequence, message, now);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // Another writer took these sequence numbers (a redelivered job overlapping); take the next ones.
                continue;
            }

            await notifier.NotifyAsync(submissionId);
            return sequence;
        }
    }

    /// <summary>
    /// Adds the next event to <paramref name="db"/>'s pending changes, so it commits (or not) with the caller's
    /// transaction; call <see cref="NotifyAsync"/> after the commit.
    /// </summary>
    public async Task<int> StageAsync(CompilaDb db, Guid submissionId, SolveEvent message, CancellationToken ct)
    {
        var sequence = await LastSequenceAsync(db, submissionId, ct) + 1;
        Stage(db, submissionId, sequence, message, clock.GetUtcNow());
        return sequence;
    }

    static async Task<int> LastSequenceAsync(CompilaDb db, Guid submissionId, CancellationToken ct) =>
        await db.Set<SubmissionEvent>().Where(e => e.SubmissionId == submissionId).MaxAsync(e => (int?)e.Sequence, ct) ?? 0;

    static void Stage(CompilaDb db, Guid submissionId, int sequence, SolveEvent message, DateTimeOffset now)
    {
        var stamped = message with { Sequence = sequence, SubmissionId = submissionId };
        db.Set<SubmissionEvent>().Add(new SubmissionEvent
        {
            SubmissionId = submissionId,
            Sequence = sequence,
            Type = stamped.Type,
            Payload = JsonSerializer.Serialize(stamped, stamped.GetType(), JsonSerializerOptions.Web),
            CreatedAt = now,
        });
    }

    /// <summary>Wakes the followers of a submission (in this process, or through Redis).</summary>
    public Task NotifyAsync(Guid submissionId) => notifier.NotifyAsync(submissionId);

    public async Task<bool> HasCompleteAsync(Guid submissionId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        return await db.Set<SubmissionEvent>().AnyAsync(e => e.SubmissionId == submissionId && e.Type == SolveMessageTypes.Complete, ct);
    }

    /// <summary>
    /// Every stored event after <paramref name="afterSequence"/>, then new ones as they come, until <c>complete</c>:
    /// each as the JSON text it was stored as (a <see cref="SolveEvent"/>'s).
    /// </summary>
    public async IAsyncEnumerable<string> FollowAsync(Guid submissionId, int afterSequence, [EnumeratorCancellation] CancellationToken ct)
    {
        var seen = afterSequence;
        while (!ct.IsCancellationRequested)
        {
            List<SubmissionEvent> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
                batch = await db.Set<SubmissionEvent>().AsNoTracking()
                    .Where(e => e.SubmissionId == submissionId && e.Sequence > seen)
                    .OrderBy(e => e.Sequence)
                    .ToListAsync(ct);
            }

            foreach (var e in batch)
            {
                seen = e.Sequence;
                // Stored as a SolveEvent's JSON; PostgreSQL's jsonb hands it back reformatted, so it is written compactly again.
                yield return JsonNode.Parse(e.Payload)!.ToJsonString(JsonSerializerOptions.Web);
                if (e.Type == SolveMessageTypes.Complete)
                {
                    yield break;
                }
            }

            await notifier.WaitAsync(submissionId, PollInterval, ct);
        }
    }
}
