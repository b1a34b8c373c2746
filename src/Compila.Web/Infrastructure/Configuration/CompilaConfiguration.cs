namespace Compila.Web.Infrastructure.Configuration;

public static class CompilaConfiguration
{
    public static CompilaOptions AddCompilaOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CompilaOptions>().Bind(builder.Configuration.GetSection(CompilaOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(CompilaOptions.Section).Get<CompilaOptions>() ?? new CompilaOptions();
        Directory.CreateDirectory(options.FullDataDir);
        return options;
    }
}
