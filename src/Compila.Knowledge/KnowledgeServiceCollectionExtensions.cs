using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdrant.Client;

namespace Compila.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IKnowledgeBase"/> (singleton), the MiniLM <see cref="ITextEmbedder"/> (model loaded once, on
    /// first use) and the <see cref="IVectorIndex"/> chosen by <see cref="KnowledgeOptions.VectorBackend"/>. Options can
    /// also be bound by the host: <c>services.Configure&lt;KnowledgeOptions&gt;(configuration.GetSection("Knowledge"))</c>.
    /// </summary>
    public static IServiceCollection AddCompilaKnowledge(this IServiceCollection services, Action<KnowledgeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<KnowledgeOptions>();
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());

        services.TryAddSingleton<ITextEmbedder>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return new MiniLmEmbedder(o.EmbeddingBatchSize, o.EmbeddingThreads);
        });
        services.TryAddSingleton<IVectorIndex>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            if (o.VectorBackend == VectorBackend.Local)
                return new LocalVectorIndex(o.IndexDirectory);
            if (o.VectorBackend == VectorBackend.None)
                return new LocalVectorIndex(directory: null);
            var client = new QdrantClient(new Uri(o.Qdrant.Url!), o.Qdrant.ApiKey, grpcTimeout: default, sp.GetService<ILoggerFactory>());
            return new QdrantVectorIndex(client, o.Qdrant.Collection, sp.GetRequiredService<ITextEmbedder>().Dimensions, ownsClient: true);
        });
        services.TryAddSingleton<IKnowledgeBase, KnowledgeBase>();
        return services;
    }
}
