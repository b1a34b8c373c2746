using System.Diagnostics;
using System.Text;
using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Running;

namespace Compila.ChallengeSuites.Validation;

/// <summary>Why one (challenge, language) pair did not validate.</summary>
/// <param name="Code">"solution" or "starter".</param>
public sealed record ValidationFailure(string Slug, string Language, string Code, string Message, TestRunResult? Result);

/// <summary>What <see cref="ChallengeValidator.ValidateAsync"/> found.</summary>
public sealed record ValidationReport(int PairsChecked, IReadOnlyList<ValidationFailure> Failures, TimeSpan Elapsed)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>A plain-text report for a terminal or CI log.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        foreach (var f in Failures)
        {
            sb.Append("FALHA ").Append(f.Slug).Append(" [").Append(f.Language).Append("] ").Append(f.Code).Append(": ").AppendLine(f.Message);
            if (f.Result is { } r)
            {
                if (!string.IsNullOrWhiteSpace(r.CompileOutput) && r.Status == SuiteStatus.Error)
                {
                    sb.AppendLine("  saída do compilador: " + r.CompileOutput.Trim().Replace("\n", "\n    ", StringComparison.Ordinal));
                }
                foreach (var t in r.Tests.Where(t => t.Status != TestStatus.Pass && f.Code == "solution").Take(5))
                {
                    sb.Append("  - ").Append(t.Name).Append(": ").Append(t.Status.ToString().ToLowerInvariant()).Append(' ').AppendLine(t.Message);
                    sb.Append("    esperado: ").Append(t.Expected).Append(" | obtido: ").AppendLine(t.Actual);
                }
            }
        }
        sb.Append(Passed ? "OK" : "FALHOU").Append(": ").Append(PairsChecked).Append(" pares (desafio, linguagem) verificados, ")
            .Append(Failures.Count).Append(" falha(s), em ").Append(Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).Append(" s.");
        return sb.ToString();
    }
}

/// <summary>
/// Checks content against the real judge: for every (challenge, language) pair, the reference solution
/// passes every case and the starter code fails at least one. The host exposes it as
/// <c>challenges validate [slug]</c>; CI runs it.
/// </summary>
public static class ChallengeValidator
{
    /// <param name="slug">Only this challenge; null for the whole catalog.</param>
    /// <param name="languages">Only these languages; null for all the challenge offers.</param>
    /// <param name="maxParallel">Pairs validated at once; defaults to the number of cores (the judge bounds its own pool too).</param>
    /// <param name="progress">Receives each pair's failures (or none) as it finishes.</param>
    /// <exception cref="ArgumentException"><paramref name="slug"/> is not in the catalog.</exception>
    public static async Task<ValidationReport> ValidateAsync(
        IJudge judge,
        ChallengeCatalog catalog,
        string? slug = null,
        IReadOnlyCollection<string>? languages = null,
        int? maxParallel = null,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(catalog);
        var challenges = slug is null
            ? catalog.Challenges
            : [catalog.Find(slug) ?? throw new ArgumentException($"Desafio '{slug}' não existe no catálogo.", nameof(slug))];
        var available = judge.Languages.Where(l => l.Available).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var pairs = challenges
            .SelectMany(c => c.Languages.Values.Select(l => (Challenge: c, l.Language)))
            .Where(p => languages is null || languages.Contains(p.Language))
            .ToList();
        var watch = Stopwatch.StartNew();
        var failures = new List<ValidationFailure>();
        var runner = new ChallengeTestRunner(judge);
        using var gate = new SemaphoreSlim(maxParallel ?? Environment.ProcessorCount);
        var tasks = pairs.Select(async pair =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var found = await ValidatePairAsync(runner, pair.Challenge, pair.Language, available, cancellationToken).ConfigureAwait(false);
                lock (failures)
                {
                    failures.AddRange(found);
                }
                progress?.Report(found.Count == 0
                    ? $"ok    {pair.Challenge.Slug} [{pair.Language}]"
                    : $"FALHA {pair.Challenge.Slug} [{pair.Language}]: {string.Join("; ", found.Select(f => f.Code + ": " + f.Message))}");
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var ordered = failures.OrderBy(f => f.Slug, StringComparer.Ordinal).ThenBy(f => f.Language, StringComparer.Ordinal).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
        return new ValidationReport(pairs.Count, ordered, watch.Elapsed);
    }

    static async Task<List<ValidationFailure>> ValidatePairAsync(ChallengeTestRunner runner, ChallengeSuite challenge, string language, HashSet<string> available, CancellationToken ct)
    {
        if (!available.Contains(language))
        {
            return [new ValidationFailure(challenge.Slug, language, "solution", $"a linguagem {language} não está disponível no avaliador", null)];
        }
        var code = challenge.Languages[language];
        var failures = new List<ValidationFailure>();
        var solution = await runner.RunAsync(challenge, language, code.Solution, ct).ConfigureAwait(false);
        if (solution.Status != SuiteStatus.Pass)
        {
            failures.Add(new ValidationFailure(challenge.Slug, language, "solution",
                solution.Status == SuiteStatus.Error
                    ? "a solução de referência não executou: " + solution.Message
                    : $"a solução de referência passou em {solution.Passed} de {solution.Total} casos",
                solution));
        }
        var starter = await runner.RunAsync(challenge, language, code.Starter, ct).ConfigureAwait(false);
        if (starter.Status == SuiteStatus.Error && !string.IsNullOrWhiteSpace(starter.CompileOutput))
        {
            failures.Add(new ValidationFailure(challenge.Slug, language, "starter", "o código inicial não compila", starter));
        }
        else if (starter.Status == SuiteStatus.Pass)
        {
            failures.Add(new ValidationFailure(challenge.Slug, language, "starter", "o código inicial passa em todos os casos", starter));
        }
        return failures;
    }
}
