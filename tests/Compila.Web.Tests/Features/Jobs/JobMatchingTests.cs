using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Jobs.Matching;
using Compila.Web.Features.Portfolio.Contracts;

namespace Compila.Web.Tests.Features.Jobs;

/// <summary>A fixed set of candidates and jobs whose right ranking a recruiter would agree on.</summary>
[Trait("Lane", "Fast")]
public sealed class JobMatchingTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    static VerifiedSkill Skill(SkillKind kind, string name, int daysAgo, params (ChallengeLevel Level, int Count)[] byLevel) =>
        new(kind, name, byLevel.Sum(l => l.Count), byLevel.ToDictionary(l => l.Level, l => l.Count), byLevel.Max(l => l.Level),
            Now.AddDays(-daysAgo - 30), Now.AddDays(-daysAgo), []);

    static readonly Dictionary<string, VerifiedSkill[]> Candidates = new()
    {
        ["go-senior"] = [Skill(SkillKind.Language, "go", 10, (ChallengeLevel.Senior, 3), (ChallengeLevel.Mid, 5)), Skill(SkillKind.Technology, "sql", 20, (ChallengeLevel.Mid, 2)), Skill(SkillKind.Stack, "backend", 10, (ChallengeLevel.Senior, 3), (ChallengeLevel.Mid, 7))],
        ["go-junior"] = [Skill(SkillKind.Language, "go", 5, (ChallengeLevel.Junior, 4)), Skill(SkillKind.Stack, "backend", 5, (ChallengeLevel.Junior, 4))],
        ["go-stale"] = [Skill(SkillKind.Language, "go", 900, (ChallengeLevel.Senior, 3), (ChallengeLevel.Mid, 5)), Skill(SkillKind.Technology, "sql", 900, (ChallengeLevel.Mid, 2)), Skill(SkillKind.Stack, "backend", 900, (ChallengeLevel.Senior, 3), (ChallengeLevel.Mid, 7))],
        ["python-only"] = [Skill(SkillKind.Language, "python", 3, (ChallengeLevel.Senior, 6)), Skill(SkillKind.Stack, "data", 3, (ChallengeLevel.Senior, 6))],
        ["nothing"] = [],
    };

    static readonly JobNeeds SeniorGo = new(ChallengeStack.Backend, ChallengeLevel.Senior, ["go", "sql"]);
    static readonly JobNeeds JuniorGo = new(ChallengeStack.Backend, ChallengeLevel.Junior, ["go"]);
    static readonly JobNeeds SeniorData = new(ChallengeStack.Data, ChallengeLevel.Senior, ["python", "sql"]);

    static List<string> Ranking(JobNeeds job) =>
        Candidates.Select(c => (c.Key, JobMatching.Score(job, c.Value, Now).Score))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();

    [Fact]
    public void SeniorGo_RanksRecentSeniorEvidence_AboveTheSameEvidenceGoneStale_AboveJuniorEvidence_AndOtherLanguagesAtZero()
    {
        Assert.Equal(["go-senior", "go-stale", "go-junior"], Ranking(SeniorGo).Take(3));
        Assert.Equal(0, JobMatching.Score(SeniorGo, Candidates["python-only"], Now).Score);
        Assert.Equal(0, JobMatching.Score(SeniorGo, Candidates["nothing"], Now).Score);
    }

    [Fact]
    public void JuniorGo_CountsBothGoCandidatesFully_AndTheOtherLanguageNotAtAll()
    {
        var scores = Candidates.ToDictionary(c => c.Key, c => JobMatching.Score(JuniorGo, c.Value, Now).Score);

        Assert.Equal(100, scores["go-senior"]);
        Assert.Equal(100, scores["go-junior"]);
        Assert.Equal(0, scores["python-only"]);
        Assert.Equal(0, scores["nothing"]);
    }

    [Fact]
    public void SeniorData_PrefersThePythonSpecialist()
    {
        Assert.Equal("python-only", Ranking(SeniorData)[0]);
    }

    [Fact]
    public void TheExplanation_NamesEvidenceLevelsAndGaps_InPortuguese()
    {
        var match = JobMatching.Score(new JobNeeds(ChallengeStack.Backend, ChallengeLevel.Senior, ["go", "kubernetes"]), Candidates["go-senior"], Now);

        Assert.Equal("Você passou em 8 desafios de Go, 3 de nível sênior ou acima. Na stack backend: 10 desafios. Falta: Kubernetes.", match.Explanation);
        Assert.Equal(["go"], match.Matched);
        Assert.Equal(["kubernetes"], match.Missing);
    }

    [Fact]
    public void NoEvidence_SaysSo_AndScoresZero()
    {
        var match = JobMatching.Score(SeniorGo, Candidates["nothing"], Now);

        Assert.Equal(0, match.Score);
        Assert.Equal("Você ainda não passou em desafios das tecnologias desta vaga. Falta: Go e SQL.", match.Explanation);
    }

    [Theory]
    [InlineData("Golang", "go")]
    [InlineData(" JS ", "javascript")]
    [InlineData("C#", "csharp")]
    [InlineData("K8s", "kubernetes")]
    [InlineData("Rust", "rust")]
    public void CompanyWordsForATechnology_MeetTheSkillsName(string written, string canonical) =>
        Assert.Equal(canonical, TechnologyNames.Canonical(written));
}
