namespace Compila.Web.Features.CodeExecution.Fairness;

public static class SandboxFairnessServices
{
    public static void AddCompilaSandboxFairness(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SandboxFairnessOptions>()
            .Bind(builder.Configuration.GetSection(SandboxFairnessOptions.Section))
            .Validate(SandboxFairnessOptions.IsValid,
                $"{SandboxFairnessOptions.Section}: MaxRunningPerUser, MaxWaitSeconds, SecondsPerWindow, WindowSeconds (≥ 1) and RetryAfterSeconds must be positive; Slots, MaxQueuedPerUser and QueueCapacity not negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SandboxScheduler>();
        builder.Services.AddSingleton<SandboxBudget>();
        builder.Services.AddSingleton(sp => new SandboxGate(sp.GetRequiredService<SandboxScheduler>(), sp.GetRequiredService<SandboxBudget>()));
    }
}
