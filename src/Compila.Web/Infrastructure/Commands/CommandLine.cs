using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Infrastructure.Commands;

/// <summary>
/// Operator commands of the host: <c>migrate</c>, <c>admin create</c>, <c>admin grant</c>.
/// Run as <c>dotnet run --project src/Compila.Web -- &lt;command&gt;</c>.
/// </summary>
public static class CommandLine
{
    static readonly string[] Commands = ["migrate", "admin", "challenges"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>A built-in command or one a feature registered (<see cref="IOperatorCommand"/>).</summary>
    public static bool IsCommand(string[] args, IServiceProvider services) => IsCommand(args) || OperatorCommands.Find(services, args) is not null;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        try
        {
            if (OperatorCommands.Find(services, args) is { } command)
            {
                await DataServices.MigrateAsync(services);
                return await command.RunAsync(services, args[command.Words.Count..], CancellationToken.None);
            }

            return args switch
            {
                ["migrate", ..] => await MigrateAsync(services),
                ["admin", "create", .. var rest] => await CreateAdminAsync(services, Option(rest, "--username"), Option(rest, "--email")),
                ["admin", "grant", var username, .. var rest] => await GrantAsync(services, username, rest.FirstOrDefault() ?? Roles.Admin),
                ["challenges", "import"] => await ChallengeCommands.ImportAsync(services),
                ["challenges", "validate", .. var rest] => await ChallengeCommands.ValidateAsync(services, rest.FirstOrDefault()),
                _ => Usage(services),
            };
        }
        catch (CommandException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    static async Task<int> MigrateAsync(IServiceProvider services)
    {
        await DataServices.MigrateAsync(services);
        Console.WriteLine("Database is up to date.");
        return 0;
    }

    /// <summary>The password comes from COMPILA_ADMIN_PASSWORD or stdin, never from argv (visible in process lists).</summary>
    static async Task<int> CreateAdminAsync(IServiceProvider services, string? username, string? email)
    {
        if (username is null || email is null)
        {
            throw new CommandException("usage: admin create --username <name> --email <email>  (password from COMPILA_ADMIN_PASSWORD or stdin)");
        }

        var password = Environment.GetEnvironmentVariable("COMPILA_ADMIN_PASSWORD") ?? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        var errors = new Errors.ValidationErrors();
        Features.Auth.AccountRules.ValidateUsername(username, errors);
        Features.Auth.AccountRules.ValidateEmail(email, errors);
        Features.Auth.AccountRules.ValidatePassword(password, username, email, errors);
        if (!errors.IsValid)
        {
            throw new CommandException(string.Join(Environment.NewLine, errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        }

        await DataServices.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var normalizedName = Usernames.Normalize(username);
        var normalizedEmail = Usernames.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.Username == normalizedName || u.Email == normalizedEmail))
        {
            throw new CommandException("A user with this username or email already exists; use 'admin grant <username>'.");
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var user = new User
        {
            Username = normalizedName,
            Email = normalizedEmail,
            Roles = [new UserRole { Role = Roles.User, GrantedAt = now }, new UserRole { Role = Roles.Admin, GrantedAt = now }],
            CreatedAt = now,
            UpdatedAt = now,
            LastActiveAt = now,
        };
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>().HashPassword(user, password!);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        Console.WriteLine($"Admin '{user.Username}' created.");
        return 0;
    }

    static async Task<int> GrantAsync(IServiceProvider services, string username, string role)
    {
        if (!Roles.All.Contains(role))
        {
            throw new CommandException($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.");
        }

        await DataServices.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var normalizedUsername = Usernames.Normalize(username);
        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Username == normalizedUsername)
            ?? throw new CommandException($"No user '{username}'.");
        if (!user.IsInRole(role))
        {
            user.Roles.Add(new UserRole { Role = role, GrantedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow() });
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"'{user.Username}' has role '{role}'.");
        return 0;
    }

    static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    static int Usage(IServiceProvider services)
    {
        Console.Error.Write("""
            commands:
              migrate                                          apply database migrations
              admin create --username <name> --email <email>   create an admin (password: COMPILA_ADMIN_PASSWORD or stdin)
              admin grant <username> [user|company|admin]      grant a role
              challenges import                                import content/challenges into the database
              challenges validate [slug]                       reference solutions pass, starters fail, in every language

            """);
        foreach (var command in services.GetServices<IOperatorCommand>())
        {
            Console.Error.WriteLine($"  {string.Join(' ', command.Words),-48} {command.Description}");
        }

        return 2;
    }

    sealed class CommandException(string message) : Exception(message);
}
