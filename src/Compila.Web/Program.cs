using Compila.Web.Features.Admin;
using Compila.Web.Features.Auth;
using Compila.Web.Features.Billing;
using Compila.Web.Features.Challenges;
using Compila.Web.Features.Challenges.Content;
using Compila.Web.Features.CodeExecution;
using Compila.Web.Features.Gamification;
using Compila.Web.Features.Jobs;
using Compila.Web.Features.Notifications;
using Compila.Web.Features.Portfolio;
using Compila.Web.Features.Portfolio.Export;
using Compila.Web.Features.Portfolio.Projects;
using Compila.Web.Features.SmartSolver;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Tutor;
using Compila.Web.Features.Users;
using Compila.Web.Infrastructure;
using Compila.Web.Infrastructure.Caching;
using Compila.Web.Infrastructure.Commands;
using Compila.Web.Infrastructure.Configuration;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Compila.Web.Infrastructure.Events;
using Compila.Web.Infrastructure.Health;
using Compila.Web.Infrastructure.Proxies;
using Compila.Web.Infrastructure.RateLimiting;
using Compila.Web.Infrastructure.Spa;
using Compila.Web.Infrastructure.Storage;
using Compila.Web.Infrastructure.Telemetry;

var builder = WebApplication.CreateBuilder(args);
// In every environment: a scoped service captured by a singleton shares one DbContext across concurrent requests
// and jobs, which only fails under load; refusing to start is the better failure.
builder.Host.UseDefaultServiceProvider(o =>
{
    o.ValidateScopes = true;
    o.ValidateOnBuild = true;
});
var options = builder.AddCompilaOptions();
builder.AddCompilaTelemetry();
builder.AddCompilaData(options);
builder.AddCompilaEvents(options);
builder.AddCompilaCountersAndCache(options);
builder.AddCompilaErrors();
builder.AddCompilaPublicReadCache();
builder.AddCompilaHttpJson();
builder.AddCompilaTrustedProxies();
builder.AddCompilaAuth();
builder.AddCompilaUsers();
builder.AddCompilaAdmin();
builder.AddCompilaChallenges();
builder.AddCompilaJudge();
builder.AddCompilaSubmissions(options);
builder.AddCompilaSmartSolver();
builder.AddCompilaGamification(options);
builder.AddCompilaTutor(options);
builder.AddCompilaPortfolio();
builder.AddCompilaUserPlans();
builder.AddCompilaBilling();
builder.AddCompilaPortfolioExport();
builder.AddCompilaFileStorage(options);
builder.AddCompilaPortfolioProjects();
builder.AddCompilaJobs(options);
builder.AddCompilaNotifications();
builder.AddCompilaApiDocs();

var app = builder.Build();
if (CommandLine.IsCommand(args, app.Services))
{
    return await CommandLine.RunAsync(app.Services, args);
}

if (options.MigrateOnStart)
{
    await DataServices.MigrateAsync(app.Services);
}

app.WarmUpJudge();
await app.ImportChallengesOnStartAsync();
await app.ImportBadgesOnStartAsync();

app.UseCompilaTelemetry();
app.UseCompilaTrustedProxies();
app.UseCompilaErrors();
app.UseWebSockets();
app.UseCompilaSpa();
app.UseAuthentication();
app.UseCompilaRateLimits();
app.UseAuthorization();
app.UseOutputCache();

app.MapCompilaHealth();
app.MapCompilaMetrics();
app.MapCompilaApiDocs();
app.MapAuthApi();
app.MapUsersApi();
app.MapCompilaAdmin();
app.MapChallengesApi();
app.MapCodeApi();
app.MapSubmissionsApi();
app.MapMySubmissionsApi();
app.MapSmartSolverApi();
app.MapGamificationApi();
app.MapTutorApi();
app.MapPortfolioApi();
app.MapBillingApi();
app.MapPortfolioExportApi();
app.MapCompilaFiles();
app.MapPortfolioProjectsApi();
app.MapJobsApi();
app.MapNotificationsApi();
app.MapCompilaSpaFallback();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
