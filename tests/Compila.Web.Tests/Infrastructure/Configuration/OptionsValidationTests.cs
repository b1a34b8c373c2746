using Microsoft.Extensions.Options;

namespace Compila.Web.Tests.Infrastructure.Configuration;

/// <summary>A setting that breaks an option's rules stops the host before it serves anything, and says which setting.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Compila:Auth:AccessTokenMinutes", "0", "AccessTokenMinutes")]
    [InlineData("Compila:Queue:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Compila:Ai:DefaultProvider", "nenhum", "Compila:Ai:DefaultProvider names no provider")]
    [InlineData("Compila:Judge:QueueCapacity", "-1", "Compila:Judge:QueueCapacity must be at least 0")]
    public void Start_WithABadSetting_FailsWithAMessageNamingIt(string key, string value, string expected)
    {
        using var app = CompilaApp.With(new() { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var validation = Flatten(error).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, $"Expected an options validation failure, got: {error}");
        Assert.Contains(expected, validation.Message, StringComparison.Ordinal);
    }

    static IEnumerable<Exception> Flatten(Exception error)
    {
        yield return error;
        List<Exception> children = error is AggregateException aggregate ? [.. aggregate.InnerExceptions]
            : error.InnerException is { } inner ? [inner]
            : [];
        foreach (var child in children.SelectMany(Flatten))
        {
            yield return child;
        }
    }
}
