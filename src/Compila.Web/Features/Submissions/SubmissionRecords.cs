using System.Text.Json;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Submissions;

internal sealed class SubmissionRecords(CompilaDb db) : ISubmissionRecords
{
    public async Task<SubmissionRecord?> FindOwnAsync(Guid userId, Guid submissionId, CancellationToken ct)
    {
        var row = await db.Set<Submission>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == submissionId && s.UserId == userId, ct);
        if (row is null)
        {
            return null;
        }

        var (passed, total) = Counts(row.TestResults);
        return new SubmissionRecord(row.Id, row.UserId, row.ChallengeId, row.Language, EnumLabels.ToLabel(row.Status),
            passed, total, row.SubmittedAt, row.JudgedAt, row.Code);
    }

    static (int Passed, int Total) Counts(string? testResults)
    {
        if (string.IsNullOrEmpty(testResults))
        {
            return (0, 0);
        }

        using var document = JsonDocument.Parse(testResults);
        var root = document.RootElement;
        return (Read(root, "passed"), Read(root, "total"));

        static int Read(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
    }
}
