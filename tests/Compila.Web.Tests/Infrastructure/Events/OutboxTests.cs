using System.Net;
using System.Net.Http.Json;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Compila.Web.Infrastructure.Identity;
using Compila.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Infrastructure.Events;

/// <summary>
/// The outbox through the real host: a test event whose handler adds one XP to a learner, so "handled once" is a
/// number a learner would see.
/// </summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task Event_IsHandledOnce_EvenWhenItIsDispatchedAgain()
    {
        using var host = new EventsHost();
        var learner = await host.Client.RegisterAsync();
        var userId = await host.UserIdAsync(learner.Username);

        var eventId = await host.PublishAsync(new XpBumped(userId));
        await PublishedEvents.SettledAsync(host.App.Services);
        Assert.Equal(1, await host.XpAsync(userId));

        // A redelivery, as after a crash between handling and marking the event dispatched.
        await host.WithDbAsync(db => db.Set<OutboxEvent>().Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.DispatchedAt, (DateTimeOffset?)null)));
        await PublishedEvents.SettledAsync(host.App.Services);

        Assert.Equal(1, await host.XpAsync(userId));
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<EventDelivery>().CountAsync(d => d.EventId == eventId && d.HandledAt != null)));
    }

    [Fact]
    public async Task DispatcherKilledMidHandler_TheNextInstanceHandlesTheEventOnce()
    {
        using var database = new TestDatabase();
        var settings = new Dictionary<string, string?> { ["Compila:Events:LeaseSeconds"] = "5" };
        Guid userId;
        using (var first = new EventsHost(settings, database, new HandlerGate { BlockAfterWrite = true }))
        {
            var learner = await first.Client.RegisterAsync();
            userId = await first.UserIdAsync(learner.Username);
            await first.PublishAsync(new XpBumped(userId));
            // The handler has written its XP and is stopped before its transaction commits: the process dies here.
            await first.Gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        using var second = new EventsHost(settings, database);
        await PublishedEvents.SettledAsync(second.App.Services, TimeSpan.FromSeconds(60));

        Assert.Equal(1, await second.XpAsync(userId));
        Assert.Equal(1, second.Gate.Handled);
    }

    [Fact]
    public async Task FailingHandler_IsRetried_ThenDeadLettered_AndAnAdminCanRetryIt()
    {
        using var host = new EventsHost(new() { ["Compila:Events:MaxAttempts"] = "2" }, gate: new HandlerGate { Failing = true });
        var learner = await host.Client.RegisterAsync();
        var userId = await host.UserIdAsync(learner.Username);
        var eventId = await host.PublishAsync(new XpBumped(userId));

        await PublishedEvents.SettledAsync(host.App.Services);
        Assert.Equal(2, host.Gate.Failures);
        Assert.Equal(0, await host.XpAsync(userId));

        var admin = await host.AdminAsync();
        var dead = await (await admin.GetAsync("/v1/admin/events/dead")).ReadJsonAsync();
        var entry = dead["items"]!.AsArray().Single(i => i!["eventId"]!.GetValue<Guid>() == eventId)!;
        Assert.Equal(XpBumped.Type, entry["eventType"]!.GetValue<string>());
        Assert.Equal(XpBumped.Handler, entry["handler"]!.GetValue<string>());
        Assert.Equal(2, entry["attempts"]!.GetValue<int>());
        Assert.Equal("InvalidOperationException: handler refused", entry["lastError"]!.GetValue<string>());

        var asLearner = host.App.CreateClient().Authorized(learner.AccessToken);
        await (await asLearner.GetAsync("/v1/admin/events/dead")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await host.App.CreateClient().GetAsync("/v1/admin/events/dead")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await asLearner.PostAsync($"/v1/admin/events/{eventId}/deliveries/{XpBumped.Handler}/retry", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsync($"/v1/admin/events/{Guid.NewGuid()}/deliveries/{XpBumped.Handler}/retry", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/v1/admin/events/dead?size=1000")).AssertProblemAsync(HttpStatusCode.BadRequest);

        host.Gate.Failing = false;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/v1/admin/events/{eventId}/deliveries/{XpBumped.Handler}/retry", null)).StatusCode);
        await PublishedEvents.SettledAsync(host.App.Services);

        Assert.Equal(1, await host.XpAsync(userId));
        var after = await (await admin.GetAsync("/v1/admin/events/dead")).ReadJsonAsync();
        Assert.DoesNotContain(after["items"]!.AsArray(), i => i!["eventId"]!.GetValue<Guid>() == eventId);

        // Audited once: the retry of an unknown delivery (the 404 above) left no entry.
        var audit = await (await admin.GetAsync("/v1/admin/audit?action=events.delivery_retried")).ReadJsonAsync();
        var retried = Assert.Single(audit["items"]!.AsArray())!;
        Assert.Equal($"event:{eventId}", retried["target"]!.GetValue<string>());
        Assert.Contains(XpBumped.Handler, retried["details"]!.GetValue<string>());
    }

    [Fact]
    public async Task RabbitMqTransport_DeliversEachEventOnce_AcrossTwoInstances()
    {
        using var database = new TestDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["Compila:Events:RabbitMq"] = RabbitMqServer.Uri,
            // A fresh exchange (and so fresh handler queues) per run, so no earlier run's messages arrive here.
            ["Compila:Events:Exchange"] = $"compila.events.test-{Guid.NewGuid():N}",
        };
        using var one = new EventsHost(settings, database);
        using var two = new EventsHost(settings, database);
        var learner = await one.Client.RegisterAsync();
        var userId = await one.UserIdAsync(learner.Username);

        for (var i = 0; i < 10; i++)
        {
            await (i % 2 == 0 ? one : two).PublishAsync(new XpBumped(userId));
        }

        await EventsHost.WaitAsync(async () => await one.WithDbAsync(db => db.Set<EventDelivery>().CountAsync(d => d.Handler == XpBumped.Handler && d.HandledAt != null)) == 10);
        Assert.Equal(10, await one.XpAsync(userId));
        Assert.Equal(10, one.Gate.Handled + two.Gate.Handled);
    }

    [Fact]
    public async Task RabbitMqTransport_EventPublishedBeforeAnyWorkerRan_IsHandledOnceAWorkerStarts()
    {
        using var database = new TestDatabase();
        var exchange = $"compila.events.test-{Guid.NewGuid():N}";
        using var api = new EventsHost(RabbitMq(exchange, "Api"), database);
        var userId = await api.UserIdAsync((await api.Client.RegisterAsync()).Username);
        var eventId = await api.PublishAsync(new XpBumped(userId));
        // Published to a brand-new exchange: without the relay declaring the handlers' queues, nothing would keep it.
        await EventsHost.WaitAsync(() => api.WithDbAsync(db => db.Set<OutboxEvent>().AnyAsync(e => e.Id == eventId && e.DispatchedAt != null)));

        using var worker = new EventsHost(RabbitMq(exchange, "Worker"), database);
        await EventsHost.WaitAsync(async () => await worker.XpAsync(userId) == 1);
        await Task.Delay(500);
        Assert.Equal(1, await worker.XpAsync(userId));
    }

    [Fact]
    public async Task RabbitMqTransport_MessageTheBrokerLost_IsPublishedAgainAndHandledOnce()
    {
        using var database = new TestDatabase();
        var exchange = $"compila.events.test-{Guid.NewGuid():N}";
        using var api = new EventsHost(RabbitMq(exchange, "Api"), database);
        var userId = await api.UserIdAsync((await api.Client.RegisterAsync()).Username);
        var eventId = await api.PublishAsync(new XpBumped(userId));
        await EventsHost.WaitAsync(() => api.WithDbAsync(db => db.Set<OutboxEvent>().AnyAsync(e => e.Id == eventId && e.DispatchedAt != null)));
        var pending = await api.WithDbAsync(db => db.Set<EventDelivery>().AsNoTracking().SingleAsync(d => d.EventId == eventId));
        Assert.Equal((XpBumped.Handler, 0, (DateTimeOffset?)null), (pending.Handler, pending.Attempts, pending.HandledAt));

        // What a delivery limit, a consumer that stopped acknowledging or a lost node does: the message is gone.
        Assert.Equal(1u, await PurgeAsync($"{exchange}.{XpBumped.Handler}"));

        using var worker = new EventsHost(RabbitMq(exchange, "Worker", republishAfterSeconds: 2), database);
        await EventsHost.WaitAsync(async () => await worker.XpAsync(userId) == 1);
        // Further sweeps find nothing pending, so nothing is applied twice.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await worker.XpAsync(userId));
        Assert.Equal(1, worker.Gate.Handled);
    }

    [Fact]
    public async Task RelayRecordingAPublish_DoesNotUndoAConsumersRequeue()
    {
        using var host = new EventsHost(new() { ["Compila:Role"] = "Api" });
        var userId = await host.UserIdAsync((await host.Client.RegisterAsync()).Username);
        var eventId = await host.PublishAsync(new XpBumped(userId));
        var retryAt = DateTimeOffset.UtcNow.AddSeconds(30);
        await host.WithDbAsync(async db =>
        {
            // The relay claimed and published the event; a consumer failed on it and put it back for a retry before
            // the relay got to record the publish.
            var claimed = (await OutboxClaims.ClaimAsync(db, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), 100, default)).Single(e => e.Id == eventId);
            await OutboxClaims.RequeueAsync(db, eventId, retryAt, default);
            await OutboxClaims.MarkDispatchedAsync(db, claimed, DateTimeOffset.UtcNow, default);
            return 0;
        });

        var row = await host.WithDbAsync(db => db.Set<OutboxEvent>().AsNoTracking().SingleAsync(e => e.Id == eventId));
        Assert.Null(row.DispatchedAt);
        Assert.Equal(retryAt.ToUnixTimeMilliseconds(), row.LockedUntil!.Value.ToUnixTimeMilliseconds());
    }

    static Dictionary<string, string?> RabbitMq(string exchange, string role, int republishAfterSeconds = 120) => new()
    {
        ["Compila:Role"] = role,
        ["Compila:Events:RabbitMq"] = RabbitMqServer.Uri,
        ["Compila:Events:Exchange"] = exchange,
        ["Compila:Events:RepublishAfterSeconds"] = republishAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    static async Task<uint> PurgeAsync(string queue)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(RabbitMqServer.Uri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.QueuePurgeAsync(queue);
    }
}

public sealed record XpBumped(Guid UserId) : IPublishedEvent
{
    public const string Handler = "tests.xp_bump";

    public static string Type => "tests.xp_bumped";
}

/// <summary>What the test handler does: fail, stop mid-way, or count.</summary>
public sealed class HandlerGate
{
    public bool Failing { get; set; }
    public bool BlockAfterWrite { get; init; }
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int handled;
    int failures;
    public int Handled => handled;
    public int Failures => failures;

    internal void Succeeded() => Interlocked.Increment(ref handled);

    internal void Failed() => Interlocked.Increment(ref failures);
}

internal sealed class BumpXp(CompilaDb db, HandlerGate gate) : IEventHandler<XpBumped>
{
    public async Task HandleAsync(XpBumped published, EventMetadata metadata, CancellationToken ct)
    {
        if (gate.Failing)
        {
            gate.Failed();
            throw new InvalidOperationException("handler refused");
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE users SET xp = xp + 1 WHERE id = {published.UserId}", ct);
        if (gate.BlockAfterWrite)
        {
            gate.Reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }

        gate.Succeeded();
    }
}

/// <summary>A real host with the test handler subscribed.</summary>
internal sealed class EventsHost : IDisposable
{
    readonly CompilaApp inner;

    public EventsHost(Dictionary<string, string?>? settings = null, TestDatabase? database = null, HandlerGate? gate = null)
    {
        Gate = gate ?? new HandlerGate();
        inner = CompilaApp.With(settings ?? [], database);
        App = inner.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton(Gate);
            services.AddEventHandler<XpBumped, BumpXp>(XpBumped.Handler);
        }));
        Client = App.CreateClient();
    }

    public WebApplicationFactory<Program> App { get; }
    public HttpClient Client { get; }
    public HandlerGate Gate { get; }

    public async Task<Guid> PublishAsync<TEvent>(TEvent published) where TEvent : IPublishedEvent
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(published);
        var row = db.ChangeTracker.Entries<OutboxEvent>().Single().Entity;
        await db.SaveChangesAsync();
        return row.Id;
    }

    public async Task<T> WithDbAsync<T>(Func<CompilaDb, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CompilaDb>());
    }

    public Task<Guid> UserIdAsync(string username) => WithDbAsync(db => db.Users.Where(u => u.Username == username).Select(u => u.Id).SingleAsync());

    public Task<int> XpAsync(Guid userId) => WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Xp).SingleAsync());

    public static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true in time.");
            await Task.Delay(100);
        }
    }

    /// <summary>Grants the role in the database rather than through the CLI: the CLI reads a process-wide variable other tests set.</summary>
    public async Task<HttpClient> AdminAsync()
    {
        var user = await App.CreateClient().RegisterAsync(ApiClient.UniqueName("adm"));
        await WithDbAsync(async db =>
        {
            db.UserRoles.Add(new UserRole { UserId = user.Id, Role = Roles.Admin, GrantedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = App.CreateClient();
        var login = await client.PostAsJsonAsync("/v1/auth/login", new { login = user.Username, password = user.Password });
        return client.Authorized((await login.ReadJsonAsync())["accessToken"]!.GetValue<string>());
    }

    public void Dispose()
    {
        App.Dispose();
        inner.Dispose();
    }
}
