using k8s;
using k8s.Models;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Deploy;

/// <summary>Loads deploy/kubernetes with the Kubernetes client's own YAML loader and checks the invariants a platform team relies on.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Directory = Path.Combine(Repository.Root, "deploy", "kubernetes");

    private static List<object> Load(string file) =>
        KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Directory, file)));

    private static V1Deployment Deployment => Load("deployment.yaml").OfType<V1Deployment>().Single();

    private static V1Container Silo => Deployment.Spec.Template.Spec.Containers.Single();

    [Fact]
    public void EveryManifest_LoadsAsKubernetesObjects()
    {
        var files = System.IO.Directory.GetFiles(Directory, "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal));

        var objects = files.SelectMany(f => Load(Path.GetFileName(f))).ToList();

        Assert.Contains(objects, o => o is V1Deployment);
        Assert.Contains(objects, o => o is V1PodDisruptionBudget);
        Assert.Contains(objects, o => o is V2HorizontalPodAutoscaler);
        Assert.Equal(2, objects.OfType<V1Service>().Count());
        Assert.Contains(objects, o => o is V1ConfigMap);
        Assert.Contains(objects, o => o is V1Secret);
    }

    [Fact]
    public void Silo_UsesThePodNameAndIpAsItsIdentity()
    {
        var env = Silo.Env.ToDictionary(e => e.Name);

        Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("status.podIP", env["POD_IP"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].ValueFrom.FieldRef.FieldPath);
    }

    [Fact]
    public void Probes_AreSeparate_AndLivenessDoesNotDependOnStorage()
    {
        Assert.Equal("/health", Silo.StartupProbe.HttpGet.Path);
        Assert.Equal("/health", Silo.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/alive", Silo.LivenessProbe.HttpGet.Path);
    }

    [Fact]
    public void ShutdownTimeout_IsShorterThanTheGracePeriod()
    {
        var config = Load("configmap.yaml").OfType<V1ConfigMap>().Single();
        var shutdown = TimeSpan.Parse(config.Data["Switchyard__ShutdownTimeout"], System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(shutdown < TimeSpan.FromSeconds(Deployment.Spec.Template.Spec.TerminationGracePeriodSeconds!.Value));
    }

    [Fact]
    public void RollingUpdates_NeverTakeASiloAwayFirst()
    {
        Assert.Equal("0", Deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
    }

    [Fact]
    public void DisruptionBudget_Autoscaler_AndServices_TargetTheDeployment()
    {
        var labels = Deployment.Spec.Template.Metadata.Labels;
        var pdb = Load("pdb.yaml").OfType<V1PodDisruptionBudget>().Single();
        var hpa = Load("hpa.yaml").OfType<V2HorizontalPodAutoscaler>().Single();
        var services = Load("services.yaml").OfType<V1Service>().ToList();

        Assert.All(pdb.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, labels[l.Key]));
        Assert.Equal(Deployment.Metadata.Name, hpa.Spec.ScaleTargetRef.Name);
        Assert.True(hpa.Spec.MinReplicas >= 2);
        Assert.All(services, s => Assert.All(s.Spec.Selector, l => Assert.Equal(l.Value, labels[l.Key])));
        var ports = Silo.Ports.Select(p => p.Name).ToHashSet();
        Assert.All(services.SelectMany(s => s.Spec.Ports), p => Assert.Contains(p.TargetPort.Value, ports));
    }

    [Fact]
    public void Silo_RunsAsNonRoot_WithSecretsFromASecret()
    {
        var pod = Deployment.Spec.Template.Spec;

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.NotEqual(0, pod.SecurityContext.RunAsUser);
        Assert.False(Silo.SecurityContext.AllowPrivilegeEscalation);
        Assert.Contains(Silo.EnvFrom, e => e.SecretRef?.Name == "switchyard-secrets");
        var config = Load("configmap.yaml").OfType<V1ConfigMap>().Single();
        Assert.DoesNotContain(config.Data.Keys, k => k.Contains("ApiKey", StringComparison.OrdinalIgnoreCase) || k.EndsWith("__Redis", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_IsMultiStage_AndRunsAsNonRoot()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "Dockerfile"));

        Assert.True(lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)) >= 2);
        Assert.Contains(lines, l => l.StartsWith("COPY --from=build", StringComparison.Ordinal));
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain("root", user);
    }
}
