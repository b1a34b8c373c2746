using System.Net.Mail;
using System.Text.RegularExpressions;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Identity;

namespace Compila.Web.Features.Auth;

/// <summary>Username, email and password rules, with pt-BR messages.</summary>
public static partial class AccountRules
{
    public const int MinPasswordLength = 8;

    // Long enough for passphrases, short enough that hashing cannot be used to burn CPU.
    public const int MaxPasswordLength = 128;

    // Also the literal segments beside /v1/portfolio/{username}: a learner named "projects" would have no profile.
    static readonly HashSet<string> ReservedUsernames =
        ["admin", "administrator", "root", "api", "me", "www", "compila", "suporte", "support", "system", "null", "undefined",
         "projects", "export", "verifications", "files"];

    static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public static void ValidateUsername(string? username, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            errors.Add("username", "Informe um nome de usuário.");
        }
        else if (!UsernamePattern().IsMatch(Usernames.Normalize(username)))
        {
            errors.Add("username", "O nome de usuário deve ter de 3 a 30 caracteres: letras minúsculas, números, '_' ou '-'.");
        }
        else if (ReservedUsernames.Contains(Usernames.Normalize(username)))
        {
            errors.Add("username", "Este nome de usuário é reservado.");
        }
    }

    public static void ValidateEmail(string? email, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add("email", "Informe um e-mail.");
            return;
        }

        var normalized = Usernames.NormalizeEmail(email);
        if (normalized.Length > 255 || TextRules.HasControlCharacters(normalized) || !IsEmail(normalized))
        {
            errors.Add("email", "Informe um e-mail válido.");
        }
    }

    public static void ValidatePassword(string? password, string? username, string? email, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "Informe uma senha.");
            return;
        }

        if (password.Length < MinPasswordLength)
        {
            errors.Add("password", $"A senha deve ter pelo menos {MinPasswordLength} caracteres.");
        }
        else if (password.Length > MaxPasswordLength)
        {
            errors.Add("password", $"A senha deve ter no máximo {MaxPasswordLength} caracteres.");
        }
        else if (password.Contains('\0'))
        {
            errors.Add("password", "A senha contém caracteres inválidos.");
        }
        else if (CommonPasswords.Value.Contains(password.ToLowerInvariant()))
        {
            errors.Add("password", "Esta senha é muito comum. Escolha outra.");
        }
        else if (ResemblesIdentity(password, username, email))
        {
            errors.Add("password", "A senha não pode ser o seu nome de usuário ou e-mail.");
        }
    }

    static bool ResemblesIdentity(string password, string? username, string? email)
    {
        var lowered = password.ToLowerInvariant();
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(username))
        {
            candidates.Add(Usernames.Normalize(username));
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalized = Usernames.NormalizeEmail(email);
            candidates.Add(normalized);
            candidates.Add(normalized.Split('@')[0]);
        }

        return candidates.Any(c => c.Length >= 3 && lowered == c);
    }

    static bool IsEmail(string value)
    {
        if (!MailAddress.TryCreate(value, out var address) || address.Address != value)
        {
            return false;
        }

        var domain = address.Host;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    static HashSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(AccountRules).Assembly.GetManifestResourceStream("Compila.Web.Features.Auth.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }

    [GeneratedRegex("^[a-z0-9_-]{3,30}$")]
    private static partial Regex UsernamePattern();
}
