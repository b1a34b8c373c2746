using System.Globalization;
using Compila.Web.Features.Gamification.Contracts;
using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.Portfolio.Export;

/// <summary>What the exports show of one learner, read only through other features' contracts.</summary>
internal sealed record PortfolioSnapshot(
    ProfileOwner Owner,
    int ChallengesPassed,
    IReadOnlyList<CvSkill> Skills,
    IReadOnlyList<ProfileProject> Projects,
    IReadOnlyList<CvBadge> Badges)
{
    /// <summary>Languages by challenges passed, most first, named as people spell them.</summary>
    public IReadOnlyList<(string Language, int Passed)> TopLanguages(int count) => Skills
        .Where(s => s.Kind == "language")
        .OrderByDescending(s => s.ChallengesPassed).ThenBy(s => s.Name, StringComparer.Ordinal)
        .Take(count).Select(s => (CvPdf.SkillName(s.Kind, s.Name), s.ChallengesPassed)).ToList();
}

/// <summary>Gathers a <see cref="PortfolioSnapshot"/>, leaving out the sections the owner hides.</summary>
internal sealed class PortfolioFacts(IUserDirectory users, IVerifiedSkills verifiedSkills, IUserBadges userBadges, IProfileProjects projects)
{
    public Task<ProfileOwner?> FindAsync(string username, CancellationToken ct) => users.FindByUsernameAsync(username, ct);

    public Task<ProfileOwner?> FindAsync(Guid userId, CancellationToken ct) => users.FindByIdAsync(userId, ct);

    public async Task<PortfolioSnapshot> SnapshotAsync(ProfileOwner owner, CancellationToken ct)
    {
        var shown = owner.Sections;
        var skills = await verifiedSkills.OfUserAsync(owner.Id, ct);
        // Distinct challenges over the language skills' evidence: a challenge passed in two languages counts once.
        var passed = skills.Where(s => s.Kind == SkillKind.Language).SelectMany(s => s.Evidence).Select(e => e.ChallengeId).Distinct().Count();
        var skillList = shown.Skills
            ? skills.OrderBy(s => s.Kind).ThenByDescending(s => s.ChallengesPassed).ThenBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new CvSkill(EnumLabels.ToLabel(s.Kind), s.Name, s.ChallengesPassed, EnumLabels.ToLabel(s.HighestLevel))).ToList()
            : [];
        IReadOnlyList<CvBadge> badges = shown.Badges
            ? (await userBadges.EarnedAsync(owner.Id, ct)).Select(b => new CvBadge(b.Name, b.Description)).ToList()
            : [];
        IReadOnlyList<ProfileProject> projectList = shown.Projects ? await projects.ShownOnProfileAsync(owner.Id, ct) : [];
        return new PortfolioSnapshot(owner, passed, skillList, projectList, badges);
    }

    public static CvDocument Cv(PortfolioSnapshot snapshot, string publicUrl, DateTimeOffset now, bool branded)
    {
        var owner = snapshot.Owner;
        var links = new List<CvLink>();
        AddLink(links, "GitHub", owner.GithubUrl);
        AddLink(links, "LinkedIn", owner.LinkedinUrl);
        AddLink(links, "Site", owner.WebsiteUrl);

        // Featured projects when the owner chose some; otherwise the first ones in their order.
        var featured = snapshot.Projects.Where(p => p.Featured).ToList();
        var chosen = (featured.Count > 0 ? featured : snapshot.Projects.Take(3)).Select(p => new CvProject(
            p.Title, p.ShortDescription, p.Stack, p.Technologies, p.DemoUrl ?? p.RepoUrl,
            p.Verification is { } v
                ? $"Verificado pelo compila.dev: desafio {v.ChallengeSlug} em {v.Language}, {v.TestsPassed}/{v.TestsTotal} testes em {v.PassedAt.ToOffset(TimeSpan.FromHours(-3)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} · {v.Url}"
                : null)).ToList();

        return new CvDocument(
            string.IsNullOrWhiteSpace(owner.FullName) ? owner.Username : owner.FullName, owner.Username, owner.Bio, owner.Location, links,
            owner.Level, owner.Xp, snapshot.ChallengesPassed, snapshot.Skills, chosen, snapshot.Badges, publicUrl, now, branded);
    }

    static void AddLink(List<CvLink> links, string label, string? url)
    {
        if (!string.IsNullOrWhiteSpace(url))
        {
            links.Add(new CvLink(label, url));
        }
    }
}
