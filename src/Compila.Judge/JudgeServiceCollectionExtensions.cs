using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Compila.Judge;

public static class JudgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the judge as a singleton <see cref="IJudge"/>. Bind configuration with
    /// <c>services.Configure&lt;JudgeOptions&gt;(configuration.GetSection(JudgeOptions.SectionName))</c> (section <c>Compila:Judge</c>)
    /// and/or adjust it here.
    /// </summary>
    public static IServiceCollection AddCompilaJudge(this IServiceCollection services, Action<JudgeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<JudgeOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JudgeOptions>, JudgeOptionsValidator>());

        services.TryAddSingleton<BubblewrapJudge>();
        services.TryAddSingleton<IJudge>(sp => sp.GetRequiredService<BubblewrapJudge>());
        return services;
    }
}
