using System.Globalization;
using Compila.Web.Features.Users.Contracts;

namespace Compila.Web.Features.Portfolio.Export;

/// <summary>What the exports show of one learner, read only through other features' contracts.</summary>
internal sealed record PortfolioSnapshot(
    ProfileOwner Owner,
    int ChallengesPassed,
    IReadOnlyList<CvSkill> Skills,
    IReadOnlyList<ProfileProject> Projects,
    IReadOnlyList<CvBadge> Badges)
{
    /// <summary>Languages by challenges passed, most first.</summary>
    public IReadOnlyList<(string Language, int Passed)> TopLanguages(int count) => Skills
        .GroupBy(s => s.Language, StringComparer.OrdinalIgnoreCase)
        .Select(g => (Language: g.First().Language, Passed: g.Sum(s => s.ChallengesPassed)))
        .OrderByDescending(l => l.Passed).ThenBy(l => l.Language, StringComparer.Ordinal)
        .Take(count).ToList();
}

/// <summary>Gathers a <see cref="PortfolioSnapshot"/>, leaving out the sections the owner hides.</summary>
internal sealed class PortfolioFacts(IUserDirectory users, IProfileProjects projects)
{
    public Task<ProfileOwner?> FindAsync(string username, CancellationToken ct) => users.FindByUsernameAsync(username, ct);

    public Task<ProfileOwner?> FindAsync(Guid userId, CancellationToken ct) => users.FindByIdAsync(userId, ct);

    public async Task<PortfolioSnapshot> SnapshotAsync(ProfileOwner owner, CancellationToken ct)
    {
        var shown = owner.Sections;
        IReadOnlyList<ProfileProject> projectList = shown.Projects ? await projects.ShownOnProfileAsync(owner.Id, ct) : [];
        return new PortfolioSnapshot(owner, 0, [], projectList, []);
    }

    public static CvDocument Cv(PortfolioSnapshot snapshot, string publicUrl, DateTimeOffset now)
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
            owner.Level, owner.Xp, snapshot.ChallengesPassed, snapshot.Skills, chosen, snapshot.Badges, publicUrl, now);
    }

    static void AddLink(List<CvLink> links, string label, string? url)
    {
        if (!string.IsNullOrWhiteSpace(url))
        {
            links.Add(new CvLink(label, url));
        }
    }
}
