using System.Collections.Frozen;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Switchyard.Models;
using Switchyard.Replay;
using Switchyard.Telemetry;

namespace Switchyard.Providers;

/// <summary>
/// One <see cref="IChatClient"/> per catalog deployment, built once. Each is wrapped in
/// Microsoft.Extensions.AI's OpenTelemetry middleware, which records the GenAI semantic conventions
/// (<c>gen_ai.client.token.usage</c>, <c>gen_ai.client.operation.duration</c>) with prompts left out.
/// </summary>
public sealed class ChatClientRegistry : IDisposable
{
    private readonly FrozenDictionary<string, IChatClient> _clients;

    /// <summary>Builds a client for every deployment of <paramref name="catalog"/>.</summary>
    public ChatClientRegistry(ModelCatalog catalog, TokenCounter tokens, TimeProvider time, ILoggerFactory loggerFactory, ReplayLibrary replay)
    {
        _clients = catalog.All.ToFrozenDictionary(
            d => d.Name,
            d => new ChatClientBuilder(CreateInner(d, tokens, time, replay))
                .UseOpenTelemetry(loggerFactory, SwitchyardTelemetry.ProviderSourceName, otel => otel.EnableSensitiveData = false)
                .Build(),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The client of deployment <paramref name="deployment"/>.</summary>
    public IChatClient Get(ModelDeployment deployment) => _clients[deployment.Name];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private static IChatClient CreateInner(ModelDeployment deployment, TokenCounter tokens, TimeProvider time, ReplayLibrary replay) =>
        deployment.Provider switch
        {
            ReplayChatClient.ProviderName => new ReplayChatClient(deployment.Deployment, deployment.Price, replay, tokens),
            SimulatedChatClient.ProviderName => new SimulatedChatClient(deployment.Deployment, deployment.Options.Simulation, tokens, time),
            OpenAIProviders.OpenAI or OpenAIProviders.OpenAICompatible or OpenAIProviders.AzureOpenAI =>
                new SanitizingChatClient(OpenAIProviders.Create(deployment, time), deployment.Name),
            _ => throw new InvalidOperationException($"Switchyard:Models:{deployment.Name}:Provider '{deployment.Provider}' is not supported."),
        };
}
