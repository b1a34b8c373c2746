using Compila.Knowledge;
using Compila.Web.Features.Challenges.Content;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Tutor;

/// <summary>
/// Indexes the knowledge base in the background at start-up: the articles of <c>content/docs</c> and the
/// challenges' statements (never solutions or hidden cases). Unchanged documents are not embedded again, and
/// searches answer from the persisted index meanwhile.
/// </summary>
internal sealed class KnowledgeIndexer(
    IKnowledgeBase knowledge, ChallengeContent challenges, IOptions<ContentOptions> content, IOptions<KnowledgeOptions> knowledgeOptions, ILogger<KnowledgeIndexer> logger)
    : BackgroundService
{
    readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first indexing pass is done (tests and readiness wait on it).</summary>
    public Task Ready => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        FileStream? indexLock = null;
        try
        {
            // Instances sharing a data folder take turns: one indexes, the others search what it wrote.
            if (knowledgeOptions.Value.IndexDirectory is { } folder)
            {
                Directory.CreateDirectory(folder);
                try
                {
                    indexLock = new FileStream(Path.Combine(folder, ".indexing.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    logger.LogInformation("Another instance is indexing the knowledge base in {Folder}; this one only searches.", folder);
                    return;
                }
            }

            var docs = Path.Combine(content.Value.ResolvedRoot, "docs");
            var articles = Directory.Exists(docs) ? KnowledgeDocumentLoader.LoadDirectory(docs) : [];
            var report = await knowledge.IndexAsync(articles, stoppingToken);
            logger.LogInformation("Knowledge base: {Documents} articles ({Embedded} embedded, {Unchanged} unchanged).", report.Documents, report.Embedded, report.Unchanged);

            var catalog = challenges.Load().Catalog;
            if (catalog is not null)
            {
                var statements = catalog.Challenges.Where(c => c.Published).Select(c => KnowledgeDocument.FromChallenge(
                    c.Slug, c.Title, c.Description, language: null, topic: c.StackName, tags: c.Tags, url: $"/desafios/{c.Slug}"));
                var challengeReport = await knowledge.IndexAsync(statements, stoppingToken);
                logger.LogInformation("Knowledge base: {Documents} challenge statements indexed.", challengeReport.Documents);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Knowledge base indexing failed; the tutor answers from what was indexed before.");
        }
        finally
        {
            if (indexLock is not null)
            {
                await indexLock.DisposeAsync();
            }

            ready.TrySetResult();
        }
    }
}
