using Compila.Web.Infrastructure.Configuration;

namespace Compila.Web.Infrastructure.Events;

public static class EventsServices
{
    /// <summary>
    /// Published events: the outbox publisher everywhere; where workers run, the handlers, fed from the database by
    /// default or from RabbitMQ when <c>Compila:Events:RabbitMq</c> (else <c>Compila:Queue:RabbitMq</c>) is set.
    /// </summary>
    public static void AddCompilaEvents(this WebApplicationBuilder builder, CompilaOptions compila)
    {
        var services = builder.Services;
        services.AddOptions<EventsOptions>()
            .Bind(builder.Configuration.GetSection(EventsOptions.Section))
            .PostConfigure(o => o.RabbitMq = string.IsNullOrWhiteSpace(o.RabbitMq) ? builder.Configuration["Compila:Queue:RabbitMq"] : o.RabbitMq)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddScoped<IEventPublisher, OutboxPublisher>();
        services.AddSingleton<EventDeliverer>();
        services.AddScoped<DeadLetters>();

        var usesRabbitMq = !string.IsNullOrWhiteSpace(builder.Configuration[$"{EventsOptions.Section}:RabbitMq"])
            || !string.IsNullOrWhiteSpace(builder.Configuration["Compila:Queue:RabbitMq"]);
        if (usesRabbitMq)
        {
            services.AddSingleton<RabbitMqEventBus>();
            // Every process relays what it wrote; only workers consume.
            services.AddHostedService<RabbitMqEventRelay>();
            if (compila.Role.RunsWorkers())
            {
                services.AddHostedService<RabbitMqEventConsumer>();
                services.AddSingleton<OrphanedDeliveries>();
                services.AddHostedService(sp => sp.GetRequiredService<OrphanedDeliveries>());
            }
        }
        else if (compila.Role.RunsWorkers())
        {
            services.AddSingleton<OutboxDispatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        }
    }

    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>. <paramref name="name"/> is the
    /// handler's idempotency identity and its RabbitMQ queue name: choose it once (e.g. "challenges.stats").
    /// </summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services, string name)
        where TEvent : IPublishedEvent
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(EventHandlerRegistration.For<TEvent, THandler>(name));
        return services;
    }
}
