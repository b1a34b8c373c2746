namespace Compila.Web.Infrastructure.Commands;

/// <summary>
/// A command a feature contributes to the host's command line, registered with
/// <see cref="OperatorCommands.AddOperatorCommand{T}"/>; the CLI then knows it without knowing the feature.
/// The database is migrated before it runs.
/// </summary>
public interface IOperatorCommand
{
    /// <summary>The words that select it, e.g. <c>["portfolio", "rebuild-skills"]</c>.</summary>
    IReadOnlyList<string> Words { get; }

    /// <summary>One line for the usage text: arguments and what it does.</summary>
    string Description { get; }

    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken ct);
}

public static class OperatorCommands
{
    public static IServiceCollection AddOperatorCommand<T>(this IServiceCollection services) where T : class, IOperatorCommand =>
        services.AddSingleton<IOperatorCommand, T>();

    internal static IOperatorCommand? Find(IServiceProvider services, string[] args) =>
        services.GetServices<IOperatorCommand>().FirstOrDefault(c => args.Length >= c.Words.Count && c.Words.SequenceEqual(args.Take(c.Words.Count)));
}
