using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compila.Judge.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void AddCompilaJudge_RegistersOneJudge_BoundFromCompilaJudgeSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Compila:Judge:PoolSize"] = "3",
            ["Compila:Judge:QueueCapacity"] = "9",
            ["Compila:Judge:RunDefaults:CpuTimeSeconds"] = "2",
            ["Compila:Judge:Languages:java:RunDefaults:MemoryMegabytes"] = "300",
            ["Compila:Judge:Languages:go:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.Configure<JudgeOptions>(configuration.GetSection(JudgeOptions.SectionName));
        services.AddCompilaJudge(o => o.QueueCapacity += 1);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<JudgeOptions>>().Value;
        var judge = provider.GetRequiredService<IJudge>();

        Assert.Same(judge, provider.GetRequiredService<IJudge>());
        Assert.Equal(3, options.PoolSize);
        Assert.Equal(10, options.QueueCapacity);
        Assert.Equal(2, options.RunDefaults.CpuTimeSeconds);
        Assert.Equal(300, options.Languages["java"].RunDefaults!.MemoryMegabytes);
        Assert.False(Assert.Single(judge.Languages, l => l.Id == "go").Available);
        Assert.Equal(3, ((BubblewrapJudge)judge).PoolSize);
    }

    [Fact]
    [Trait("Lane", "Fast")]
    public void AddCompilaJudge_ABadLimit_FailsValidation_NamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddCompilaJudge(o => o.RunMaxima.MemoryMegabytes = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<JudgeOptions>>().Value);
        Assert.Contains("Compila:Judge:RunMaxima:MemoryMegabytes must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Lane", "Fast")]
    public void DefaultOptions_AreValid()
    {
        var services = new ServiceCollection();
        services.AddCompilaJudge();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IOptions<JudgeOptions>>().Value);
    }

    [Fact]
    public void DefaultLimits_FollowTheDocumentedTable()
    {
        var options = new JudgeOptions();

        Assert.Equal(5, options.RunDefaults.CpuTimeSeconds);
        Assert.Equal(15, options.RunMaxima.CpuTimeSeconds);
        Assert.Equal(10, options.RunDefaults.WallTimeSeconds);
        Assert.Equal(20, options.RunMaxima.WallTimeSeconds);
        Assert.Equal(128, options.RunDefaults.MemoryMegabytes);
        Assert.Equal(512, options.RunMaxima.MemoryMegabytes);
        Assert.Equal(60, options.RunDefaults.MaxProcesses);
        Assert.Equal(120, options.RunMaxima.MaxProcesses);
        Assert.Equal(1024, options.RunDefaults.MaxFileSizeKilobytes);
        Assert.Equal(4096, options.RunMaxima.MaxFileSizeKilobytes);
    }
}
