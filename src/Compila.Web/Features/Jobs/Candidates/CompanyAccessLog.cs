using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.Jobs.Candidates;

/// <summary>Stages an access entry on the request's <c>CompilaDb</c>: it commits with the read or change it records.</summary>
internal static class CompanyAccessLog
{
    public static void Record(CompilaDb db, Guid companyId, Guid candidateId, Guid? jobId, string action, DateTimeOffset at) =>
        db.Add(new CompanyAccessEntry { CompanyId = companyId, CandidateId = candidateId, JobId = jobId, Action = action, At = at });
}
