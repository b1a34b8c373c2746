namespace Compila.Web.Infrastructure.Identity;

/// <summary>Usernames and emails are stored lowercased; every lookup normalises the same way.</summary>
public static class Usernames
{
    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
