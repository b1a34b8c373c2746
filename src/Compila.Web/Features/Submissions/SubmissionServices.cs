using Compila.Web.Features.Submissions.Events;
using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Features.Submissions.Queue;
using Compila.Web.Infrastructure.Configuration;
using Compila.Web.Infrastructure.WebSockets;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compila.Web.Features.Submissions;

public static class SubmissionServices
{
    public static void AddCompilaSubmissions(this WebApplicationBuilder builder, CompilaOptions compila)
    {
        builder.Services.AddSocketContract(SolveSocket.Contract);
        builder.Services.AddScoped<Contracts.IPassedSubmissions, PassedSubmissions>();
        var section = builder.Configuration.GetSection(QueueOptions.Section);
        builder.Services.AddOptions<QueueOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var queue = section.Get<QueueOptions>() ?? new QueueOptions();
        if (queue.UsesRabbitMq)
        {
            builder.Services.AddSingleton<RabbitMqSubmissionQueue>();
            builder.Services.AddSingleton<ISubmissionQueue>(sp => sp.GetRequiredService<RabbitMqSubmissionQueue>());
            builder.Services.AddSingleton<ISubmissionQueueConsumer>(sp => sp.GetRequiredService<RabbitMqSubmissionQueue>());
        }
        else
        {
            builder.Services.AddSingleton<DatabaseSubmissionQueue>();
            builder.Services.AddSingleton<ISubmissionQueue>(sp => sp.GetRequiredService<DatabaseSubmissionQueue>());
            builder.Services.AddSingleton<ISubmissionQueueConsumer>(sp => sp.GetRequiredService<DatabaseSubmissionQueue>());
        }

        if (compila.UsesRedis)
        {
            builder.Services.AddSingleton<ISubmissionNotifier, RedisSubmissionNotifier>();
        }
        else
        {
            builder.Services.AddSingleton<ISubmissionNotifier, InProcessSubmissionNotifier>();
        }

        builder.Services.AddSingleton<SubmissionEventStream>();
        builder.Services.AddSingleton<SubmissionMetrics>();
        builder.Services.AddSingleton<SubmissionJudge>();
        builder.Services.AddHostedService<QueueDepthSampler>();
        builder.Services.AddScoped<SubmissionService>();
        builder.Services.AddScoped<Contracts.ISubmissionRecords, SubmissionRecords>();
        builder.Services.TryAddSingleton<IFeedbackPipeline, NoFeedbackPipeline>();
        if (compila.Role.RunsWorkers())
        {
            builder.Services.AddHostedService<SubmissionWorker>();
        }
    }
}
