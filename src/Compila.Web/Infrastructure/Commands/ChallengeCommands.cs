using Compila.Judge;
using Compila.ChallengeSuites.Validation;
using Compila.Web.Features.Challenges.Content;
using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Infrastructure.Commands;

internal static class ChallengeCommands
{
    public static async Task<int> ImportAsync(IServiceProvider services)
    {
        await DataServices.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ChallengeImporter>().ImportAsync();
        Console.WriteLine(report.ToString());
        return report.Succeeded ? 0 : 1;
    }

    /// <summary>Every (challenge, language) pair: the reference solution passes every case and the starter fails one.</summary>
    public static async Task<int> ValidateAsync(IServiceProvider services, string? slug)
    {
        var load = services.GetRequiredService<ChallengeContent>().Load();
        if (load.Catalog is not { } catalog)
        {
            foreach (var error in load.Errors)
            {
                await Console.Error.WriteLineAsync(error.ToString());
            }

            return 1;
        }

        var judge = services.GetRequiredService<IJudge>();
        if (!judge.Sandbox.Available)
        {
            await Console.Error.WriteLineAsync($"sandbox unavailable: {judge.Sandbox.UnavailableReason}");
            return 1;
        }

        var unavailable = judge.Languages.Where(l => !l.Available).ToList();
        foreach (var language in unavailable)
        {
            await Console.Error.WriteLineAsync($"language unavailable, its pairs fail: {language.Id} ({language.UnavailableReason})");
        }

        if (slug is not null && catalog.Find(slug) is null)
        {
            await Console.Error.WriteLineAsync($"no challenge '{slug}'");
            return 1;
        }

        var report = await ChallengeValidator.ValidateAsync(judge, catalog, slug, progress: new ConsoleLines());
        Console.WriteLine(report.Format());
        return report.Passed ? 0 : 1;
    }

    /// <summary>Prints each progress line as it is reported; <see cref="Progress{T}"/> would post it to the thread
    /// pool, and a line could then appear after the summary.</summary>
    sealed class ConsoleLines : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine(value);
    }
}
