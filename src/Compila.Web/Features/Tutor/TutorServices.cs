using Compila.Knowledge;
using Compila.Web.Features.Ai;
using Compila.Web.Infrastructure.Configuration;
using Compila.Web.Infrastructure.WebSockets;

namespace Compila.Web.Features.Tutor;

public static class TutorServices
{
    public static void AddCompilaTutor(this WebApplicationBuilder builder, CompilaOptions options)
    {
        builder.AddCompilaAi();
        builder.Services.Configure<KnowledgeOptions>(builder.Configuration.GetSection("Compila:Knowledge"));
        builder.Services.AddCompilaKnowledge(o => o.IndexDirectory ??= Path.Combine(options.FullDataDir, "knowledge"));
        builder.Services.AddScoped<TutorConversations>();
        builder.Services.AddScoped<TutorChallengeContexts>();
        builder.Services.AddScoped<TutorService>();
        builder.Services.AddSocketContract(ChatSocket.Contract);
        builder.Services.AddSingleton<KnowledgeIndexer>();
        if (options.Role.ServesApi())
        {
            // Only instances that answer the tutor index; a worker has no use for the knowledge base.
            builder.Services.AddHostedService(sp => sp.GetRequiredService<KnowledgeIndexer>());
        }
    }
}
