using System.Security.Cryptography;
using System.Text;
using Compila.Web.Infrastructure.Errors;

namespace Compila.Web.Features.Jobs.Assessments;

public sealed record AssessmentRequest(string? Title, List<string>? Challenges, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt);

public sealed record ClaimRequest(string? Token);

public static class AssessmentRules
{
    public const int TitleMax = 200;
    public const int ChallengesMax = 10;
    public const int TokenLength = 43;
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(30);

    public static void Validate(AssessmentRequest request, DateTimeOffset now, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add("title", "Dê um título à avaliação.");
        }
        else
        {
            JobText.Check("title", request.Title, TitleMax, errors);
        }

        if (request.Challenges is not { Count: > 0 } || request.Challenges.Count > ChallengesMax)
        {
            errors.Add("challenges", $"Escolha de 1 a {ChallengesMax} desafios.");
        }

        var opens = request.OpensAt ?? now;
        if (request.ClosesAt is not { } closes)
        {
            errors.Add("closesAt", "Informe até quando a avaliação fica aberta.");
        }
        else if (closes <= opens || closes <= now || closes - opens > LongestWindow)
        {
            errors.Add("closesAt", "O prazo precisa terminar no futuro, depois da abertura, em até 30 dias.");
        }
    }

    /// <summary>A random link token (256 bits, URL-safe) and the hash that is all the database keeps.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
