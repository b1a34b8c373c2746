using NetArchTest.Rules;

namespace Compila.Web.Tests.Architecture;

public sealed class ModuleBoundaryTests
{
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
