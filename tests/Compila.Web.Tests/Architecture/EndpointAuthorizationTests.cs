using System.Net;
using System.Text.RegularExpressions;
using Compila.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Compila.Web.Tests.Architecture;

/// <summary>No endpoint is public by accident: each says who may call it, and the protected ones refuse strangers.</summary>
public sealed partial class EndpointAuthorizationTests(CompilaApp app) : IClassFixture<CompilaApp>
{
    List<RouteEndpoint> Endpoints()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    static bool Anonymous(Endpoint e) => e.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    static bool Protected(Endpoint e) => !Anonymous(e) && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;

    [Fact]
    public void EveryEndpoint_DeclaresWhoMayCallIt()
    {
        var endpoints = Endpoints();

        var undeclared = endpoints.Where(e => !Anonymous(e) && !Protected(e)).Select(e => e.RoutePattern.RawText).ToList();

        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task EveryProtectedEndpoint_Answers401WithoutAToken_And403ForAnAdminOrCompanyRouteToALearner()
    {
        var anonymous = app.CreateClient();
        var learner = app.CreateClient();
        learner.Authorized((await learner.RegisterAsync()).AccessToken);
        var wrong = new List<string>();
        var protectedEndpoints = Endpoints().Where(Protected).ToList();

        Assert.True(protectedEndpoints.Count > 15, $"only {protectedEndpoints.Count} protected endpoints");
        Assert.True(protectedEndpoints.Count(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Compila.Web.Infrastructure.Identity.Policies.Company)) >= 8,
            "the company endpoints (jobs, applicants, candidates, company profile) should be found here");
        foreach (var endpoint in protectedEndpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            var method = methods is { Count: > 0 } ? methods[0] : "GET";
            var path = Parameter().Replace(endpoint.RoutePattern.RawText!, m => m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "x");
            path = path.StartsWith('/') ? path : "/" + path;
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "HEAD" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            var status = (await anonymous.SendAsync(request)).StatusCode;
            if (status != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{method} {path}: {(int)status} without a token");
            }

            var companyOnly = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Compila.Web.Infrastructure.Identity.Policies.Company);
            if (path.StartsWith("/v1/admin", StringComparison.Ordinal) || companyOnly)
            {
                using var asLearner = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "HEAD" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                var learnerStatus = (await learner.SendAsync(asLearner)).StatusCode;
                if (learnerStatus != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{method} {path}: {(int)learnerStatus} for a learner");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
