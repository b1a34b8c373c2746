using k8s;
using k8s.Models;

namespace Compila.Deploy.Tests;

/// <summary>deploy/k8s renders with kustomize, and every rendered object loads as its typed Kubernetes model.</summary>
public sealed class KubernetesManifestTests
{
    static readonly Lazy<Task<List<object>>> Rendered = new(() => RenderAsync("deploy/k8s"));

    static readonly Lazy<Task<List<object>>> RenderedWithSharedFiles = new(() => RenderAsync("deploy/k8s-shared-files"));

    static async Task<List<object>> RenderAsync(string path)
    {
        var (exitCode, output) = await Repository.RunAsync("kubectl", ["kustomize", path], timeout: TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, output);
        return KubernetesYaml.LoadAllFromString(output);
    }

    static async Task<List<T>> AllAsync<T>() => (await Rendered.Value).OfType<T>().ToList();

    static async Task<V1Deployment> DeploymentAsync(string name) =>
        Assert.Single(await AllAsync<V1Deployment>(), d => d.Metadata.Name == name);

    [Theory]
    [InlineData("compila-api", "Api")]
    [InlineData("compila-worker", "Worker")]
    public async Task EachRole_HasItsRole_Probes_Resources_AndTheSandboxsMinimalPrivileges(string name, string role)
    {
        var deployment = await DeploymentAsync(name);
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);

        Assert.Equal(role, Assert.Single(container.Env, e => e.Name == "Compila__Role").Value);
        Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/health/live", container.StartupProbe.HttpGet.Path);
        foreach (var resource in new[] { "cpu", "memory" })
        {
            Assert.True(container.Resources.Requests.ContainsKey(resource), $"{name}: no {resource} request");
            Assert.True(container.Resources.Limits.ContainsKey(resource), $"{name}: no {resource} limit");
        }

        var security = container.SecurityContext;
        Assert.False(security.AllowPrivilegeEscalation);
        Assert.NotEqual(true, security.Privileged);
        Assert.Equal(["ALL"], security.Capabilities.Drop);
        Assert.Subset(new HashSet<string> { "SETUID", "SETGID", "CHOWN", "FOWNER", "DAC_OVERRIDE", "KILL" }, security.Capabilities.Add.ToHashSet());
        Assert.False(deployment.Spec.Template.Spec.AutomountServiceAccountToken);
        Assert.True(deployment.Spec.Replicas >= 2, $"{name}: fewer than two replicas");
    }

    [Theory]
    [InlineData("compila-api")]
    [InlineData("compila-worker")]
    public async Task EachRole_GivesTheJudgeATmpfsAtItsWorkRoot(string name)
    {
        // Without CAP_SYS_ADMIN the judge cannot mount one itself, and host paths would show in sandboxes' mountinfo.
        var spec = (await DeploymentAsync(name)).Spec.Template.Spec;
        var mount = Assert.Single(Assert.Single(spec.Containers).VolumeMounts, m => m.MountPath == "/tmp/compila-judge");
        var volume = Assert.Single(spec.Volumes, v => v.Name == mount.Name);
        Assert.Equal("Memory", volume.EmptyDir.Medium);
        Assert.NotNull(volume.EmptyDir.SizeLimit);
    }

    [Fact]
    public async Task ApiReplicas_StoreUploadsInOneS3Bucket_WithItsKeysInTheSecret()
    {
        var config = Assert.Single(await AllAsync<V1ConfigMap>(), c => c.Metadata.Name == "compila-config").Data;
        Assert.Equal("S3", config["Compila__Storage__Provider"]);
        Assert.False(string.IsNullOrWhiteSpace(config["Compila__Storage__S3__Bucket"]));
        Assert.False(string.IsNullOrWhiteSpace(config["Compila__Storage__S3__Region"]));
        var secret = Assert.Single(await AllAsync<V1Secret>(), s => s.Metadata.Name == "compila-secrets").StringData;
        Assert.Contains("Compila__Storage__S3__AccessKey", secret.Keys);
        Assert.Contains("Compila__Storage__S3__SecretKey", secret.Keys);
        Assert.DoesNotContain(config.Keys, k => k.Contains("Key", StringComparison.Ordinal) && k.StartsWith("Compila__Storage", StringComparison.Ordinal));
        Assert.Empty(await AllAsync<V1PersistentVolumeClaim>());
    }

    [Fact]
    public async Task SharedFilesVariant_MountsOneReadWriteManyClaimOnEveryApi_AndKeepsFilesInTheDataFolder()
    {
        var rendered = await RenderedWithSharedFiles.Value;
        var api = Assert.Single(rendered.OfType<V1Deployment>(), d => d.Metadata.Name == "compila-api");
        var mount = Assert.Single(Assert.Single(api.Spec.Template.Spec.Containers).VolumeMounts, m => m.MountPath == "/var/lib/compila/files");
        var volume = Assert.Single(api.Spec.Template.Spec.Volumes, v => v.Name == mount.Name);
        var claim = Assert.Single(rendered.OfType<V1PersistentVolumeClaim>(), c => c.Metadata.Name == volume.PersistentVolumeClaim.ClaimName);
        Assert.Contains("ReadWriteMany", claim.Spec.AccessModes);
        Assert.Equal(api.Metadata.NamespaceProperty, claim.Metadata.NamespaceProperty);
        var config = Assert.Single(rendered.OfType<V1ConfigMap>(), c => c.Metadata.Name == "compila-config").Data;
        Assert.Equal("Local", config["Compila__Storage__Provider"]);
    }

    [Fact]
    public async Task EveryReferencedConfigMapAndSecret_IsRendered_AndSecretsHoldPlaceholdersOnly()
    {
        var secrets = await AllAsync<V1Secret>();
        var configMaps = await AllAsync<V1ConfigMap>();
        var keys = secrets.SelectMany(s => s.StringData.Keys).ToHashSet();

        foreach (var deployment in await AllAsync<V1Deployment>())
        {
            foreach (var source in deployment.Spec.Template.Spec.Containers.SelectMany(c => c.EnvFrom))
            {
                Assert.True(source.SecretRef is null || secrets.Any(s => s.Metadata.Name == source.SecretRef.Name), source.SecretRef?.Name);
                Assert.True(source.ConfigMapRef is null || configMaps.Any(c => c.Metadata.Name == source.ConfigMapRef.Name), source.ConfigMapRef?.Name);
            }
        }

        Assert.Superset(new HashSet<string>
        {
            "Compila__Postgres", "Compila__Redis", "Compila__Queue__RabbitMq", "Compila__Auth__SigningKeyPem", "Compila__Metrics__Token",
            "Compila__Portfolio__VerificationKeyPem", "Compila__Storage__S3__AccessKey", "Compila__Storage__S3__SecretKey",
        }, keys);
        Assert.All(secrets.SelectMany(s => s.StringData.Values), value => Assert.Contains("CHANGE-ME", value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Autoscaling_IsOnCpuForTheApi_AndOnTheQueueDepthForWorkers()
    {
        var hpas = await AllAsync<V2HorizontalPodAutoscaler>();
        var api = Assert.Single(hpas, h => h.Spec.ScaleTargetRef.Name == "compila-api");
        var worker = Assert.Single(hpas, h => h.Spec.ScaleTargetRef.Name == "compila-worker");

        Assert.Equal("cpu", Assert.Single(api.Spec.Metrics).Resource.Name);
        Assert.Equal("compila_queue_depth", Assert.Single(worker.Spec.Metrics).External.Metric.Name);
    }

    [Fact]
    public async Task EachDeployment_HasADisruptionBudget_SelectingItsPods()
    {
        var budgets = await AllAsync<V1PodDisruptionBudget>();
        foreach (var deployment in await AllAsync<V1Deployment>())
        {
            var labels = deployment.Spec.Template.Metadata.Labels;
            Assert.Single(budgets, b => b.Spec.Selector.MatchLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value));
        }
    }

    [Fact]
    public async Task Workers_MayReachOnlyTheDatabaseTheBrokersAndDns()
    {
        var worker = await DeploymentAsync("compila-worker");
        var policy = Assert.Single(await AllAsync<V1NetworkPolicy>(), p => p.Spec.PodSelector.MatchLabels.All(l => worker.Spec.Template.Metadata.Labels[l.Key] == l.Value));

        Assert.Contains("Egress", policy.Spec.PolicyTypes);
        var allowed = new Dictionary<int, string> { [5432] = "postgresql", [6379] = "redis", [5672] = "rabbitmq", [53] = "kube-dns" };
        foreach (var rule in policy.Spec.Egress)
        {
            Assert.NotNull(rule.To);
            Assert.All(rule.To, peer => Assert.Null(peer.IpBlock));
            var ports = rule.Ports.Select(p => int.Parse(p.Port.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.All(ports, port => Assert.True(allowed.ContainsKey(port), $"egress to port {port}"));
            var target = rule.To.Select(t => t.PodSelector?.MatchLabels?.Values.FirstOrDefault()).Single();
            Assert.All(ports, port => Assert.Equal(allowed[port], target));
        }

        Assert.Equal(4, policy.Spec.Egress.Count);
    }
}
