using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Portfolio.Contracts;

namespace Compila.Web.Features.Jobs.Matching;

/// <summary>What a job asks for, as matching reads it.</summary>
public sealed record JobNeeds(ChallengeStack Stack, ChallengeLevel Level, IReadOnlyList<string> Technologies);

/// <summary>A candidate's fit for a job: 0–100, why in pt-BR, and which technologies have evidence or not.</summary>
public sealed record JobMatch(int Score, string Explanation, IReadOnlyList<string> Matched, IReadOnlyList<string> Missing);

/// <summary>
/// Scores a candidate for a job from judged evidence only (the verified-skills read model): for each technology the
/// job names, how many distinct challenges were passed, weighted by level against the job's level and by how recent
/// the evidence is; the job's stack counts for a quarter. Self-declared skills do not exist here.
/// </summary>
public static class JobMatching
{
    /// <summary>Challenges at the job's level (or above) that make a technology fully covered.</summary>
    const double ChallengesForFullCredit = 3;
    const double StackShare = 0.25;
    static readonly TimeSpan FreshFor = TimeSpan.FromDays(180);
    static readonly TimeSpan StaleAfter = TimeSpan.FromDays(730);

    public static JobMatch Score(JobNeeds job, IReadOnlyList<VerifiedSkill> skills, DateTimeOffset now)
    {
        var byName = skills.Where(s => s.Kind != SkillKind.Stack)
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.ChallengesPassed).First(), StringComparer.Ordinal);
        var stack = skills.FirstOrDefault(s => s.Kind == SkillKind.Stack && s.Name == EnumLabel(job.Stack));

        var matched = new List<string>();
        var missing = new List<string>();
        var parts = new List<string>();
        var technologyCredit = 0.0;
        foreach (var technology in job.Technologies)
        {
            if (byName.TryGetValue(technology, out var skill))
            {
                matched.Add(technology);
                technologyCredit += Credit(skill, job.Level, now);
                parts.Add(Evidence(skill, job.Level));
            }
            else
            {
                missing.Add(technology);
            }
        }

        var stackCredit = stack is null ? 0 : Credit(stack, job.Level, now);
        var score = job.Technologies.Count == 0
            ? stackCredit
            : (1 - StackShare) * technologyCredit / job.Technologies.Count + StackShare * stackCredit;
        return new JobMatch((int)Math.Round(100 * score), Explain(parts, missing, stack, job), matched, missing);
    }

    /// <summary>0–1: challenges at or above the job's level count fully, one level below 60%, lower 30%; old evidence fades to half.</summary>
    static double Credit(VerifiedSkill skill, ChallengeLevel jobLevel, DateTimeOffset now)
    {
        var weighted = skill.ByLevel.Sum(entry => entry.Value * (entry.Key >= jobLevel ? 1.0 : entry.Key == jobLevel - 1 ? 0.6 : 0.3));
        var age = now - skill.LastEvidenceAt;
        var recency = age <= FreshFor ? 1.0
            : age >= StaleAfter ? 0.5
            : 1.0 - 0.5 * (age - FreshFor) / (StaleAfter - FreshFor);
        return Math.Min(1, weighted / ChallengesForFullCredit) * recency;
    }

    static string Evidence(VerifiedSkill skill, ChallengeLevel jobLevel)
    {
        var name = TechnologyNames.ForDisplay(skill.Name);
        var text = $"{skill.ChallengesPassed} {Plural(skill.ChallengesPassed, "desafio", "desafios")} de {name}";
        var atLevel = skill.ByLevel.Where(e => e.Key >= jobLevel).Sum(e => e.Value);
        if (atLevel > 0 && atLevel < skill.ChallengesPassed)
        {
            text += $", {atLevel} de nível {LevelName(jobLevel)}{(jobLevel < ChallengeLevel.Expert ? " ou acima" : "")}";
        }
        else if (atLevel == 0)
        {
            text += $", nenhum ainda de nível {LevelName(jobLevel)}";
        }

        return text;
    }

    static string Explain(List<string> parts, List<string> missing, VerifiedSkill? stack, JobNeeds job)
    {
        var sentences = new List<string>();
        if (parts.Count > 0)
        {
            sentences.Add("Você passou em " + JoinPt(parts) + ".");
        }
        else if (job.Technologies.Count > 0)
        {
            sentences.Add("Você ainda não passou em desafios das tecnologias desta vaga.");
        }

        if (stack is not null)
        {
            sentences.Add($"Na stack {EnumLabel(job.Stack)}: {stack.ChallengesPassed} {Plural(stack.ChallengesPassed, "desafio", "desafios")}.");
        }

        if (missing.Count > 0)
        {
            sentences.Add("Falta: " + JoinPt(missing.Select(TechnologyNames.ForDisplay).ToList()) + ".");
        }

        return string.Join(" ", sentences);
    }

    static string JoinPt(List<string> items) =>
        items.Count <= 1 ? string.Join("", items) : string.Join("; ", items.Take(items.Count - 1)) + (items.Count > 2 ? "; e " : " e ") + items[^1];

    static string Plural(int count, string one, string many) => count == 1 ? one : many;

    static string EnumLabel<TEnum>(TEnum value) where TEnum : struct, Enum => Infrastructure.Data.EnumLabels.ToLabel(value);

    public static string LevelName(ChallengeLevel level) => level switch
    {
        ChallengeLevel.Beginner => "iniciante",
        ChallengeLevel.Junior => "júnior",
        ChallengeLevel.Mid => "pleno",
        ChallengeLevel.Senior => "sênior",
        _ => "especialista",
    };
}
