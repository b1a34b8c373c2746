using NetArchTest.Rules;

namespace Compila.Web.Tests.Architecture;

[Trait("Lane", "Fast")]
public sealed class ModuleBoundaryTests
{
    [Theory]
    [InlineData(typeof(Compila.Judge.IJudge))]
    [InlineData(typeof(Compila.ChallengeSuites.Content.ChallengeCatalog))]
    public void JudgeLibraries_DoNotDependOnTheWebHostOrTheDatabase(Type marker)
    {
        var result = Types.InAssembly(marker.Assembly)
            .ShouldNot()
            .HaveDependencyOnAny("Compila.Web", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "StackExchange.Redis")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Infrastructure_DoesNotReachIntoFeatureInternals()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("Compila.Web.Infrastructure.RateLimiting")
            .Or().ResideInNamespace("Compila.Web.Infrastructure.Errors")
            .Or().ResideInNamespace("Compila.Web.Infrastructure.Health")
            .ShouldNot().HaveDependencyOn("Compila.Web.Features")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
