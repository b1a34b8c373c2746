using Compila.Judge.Testing.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compila.Judge.Testing;

public static class ChallengeTestingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ChallengeTestRunner"/> as a singleton over the registered <see cref="IJudge"/>
    /// (call <c>AddCompilaJudge</c> too). Load the catalog with <see cref="Content.ChallengeCatalog.Load"/>.
    /// </summary>
    public static IServiceCollection AddCompilaChallengeTests(this IServiceCollection services, TestRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new ChallengeTestRunner(sp.GetRequiredService<IJudge>(), options));
        return services;
    }
}
