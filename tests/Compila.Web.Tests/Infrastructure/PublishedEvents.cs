using System.Text.Json;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Infrastructure;

/// <summary>Reads what the app published to its outbox, and waits for its handlers to catch up.</summary>
public static class PublishedEvents
{
    public static async Task<List<TEvent>> ReadAsync<TEvent>(IServiceProvider services) where TEvent : IPublishedEvent
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var type = TEvent.Type;
        var payloads = await db.Set<OutboxEvent>().AsNoTracking().Where(e => e.Type == type)
            .OrderBy(e => e.OccurredAt).Select(e => e.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<TEvent>(p, EventJson.Options)!).ToList();
    }

    /// <summary>Waits until every committed event has been dispatched: what reacts after a commit has then reacted.</summary>
    public static async Task SettledAsync(IServiceProvider services, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
                if (!await db.Set<OutboxEvent>().AnyAsync(e => e.DispatchedAt == null))
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Published events were still waiting for their handlers.");
            }

            await Task.Delay(50);
        }
    }
}
