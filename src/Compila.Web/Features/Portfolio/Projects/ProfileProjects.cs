using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Portfolio.Projects;

/// <summary>The projects a public profile shows: featured first, then the owner's order.</summary>
internal sealed class ProfileProjects(CompilaDb db) : IProfileProjects
{
    public async Task<IReadOnlyList<ProfileProject>> ShownOnProfileAsync(Guid ownerId, CancellationToken ct)
    {
        var projects = await db.Set<PortfolioProject>().AsNoTracking().Include(p => p.Verification)
            .Where(p => p.UserId == ownerId)
            .OrderByDescending(p => p.Featured).ThenBy(p => p.DisplayOrder).ThenBy(p => p.CreatedAt)
            .ToListAsync(ct);
        return projects.Select(p => new ProfileProject(
            p.Id, p.Title, p.Slug, p.ShortDescription, EnumLabels.ToLabel(p.Stack), p.Technologies, p.DemoUrl, p.RepoUrl,
            p.ThumbnailUrl ?? p.Images.FirstOrDefault(), p.Featured, p.DisplayOrder, p.Views, p.Likes,
            ProjectsApi.ToVerification(p.Verification))).ToList();
    }
}
