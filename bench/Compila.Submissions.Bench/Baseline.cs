using System.Diagnostics;
using Compila.Judge;
using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Running;
using Microsoft.Extensions.Options;

namespace Compila.Submissions.Bench;

/// <summary>
/// The same-run baseline: the plan's code judged directly by the judge library in this process (no HTTP, database,
/// queue, feedback or events), with as many at once as a worker's consumers. The pipeline's throughput is reported
/// as a ratio to this.
/// </summary>
internal static class Baseline
{
    public static async Task<double> SubmissionsPerMinuteAsync(IReadOnlyList<(ChallengeSuite Challenge, string Code)> plan)
    {
        using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { QueueCapacity = plan.Count }));
        var runner = new ChallengeTestRunner(judge);
        using var consumers = new SemaphoreSlim(Environment.ProcessorCount);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(plan.Select(async item =>
        {
            await consumers.WaitAsync();
            try
            {
                await runner.RunAsync(item.Challenge, "python", [new SourceFile("solution", item.Code)]);
            }
            finally
            {
                consumers.Release();
            }
        }));
        return plan.Count / clock.Elapsed.TotalMinutes;
    }
}
