using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using OpenAI;
using Polly;
using Switchyard.Models;

namespace Switchyard.Providers;

/// <summary>
/// Chat clients and embedding generators for the OpenAI protocol: OpenAI itself, any OpenAI-compatible server (the local tier:
/// Ollama, vLLM, llama.cpp, LM Studio) and Azure OpenAI (through its OpenAI-compatible <c>/openai/v1</c>
/// API). Each deployment gets its own <see cref="HttpClient"/> behind a Polly pipeline — total timeout,
/// retries with jittered backoff honouring <c>Retry-After</c>, a circuit breaker and an attempt timeout —
/// and the SDK's own retries are turned off so that pipeline is the only one.
/// </summary>
public static class OpenAIProviders
{
    /// <summary>api.openai.com, or <see cref="ModelDeploymentOptions.Endpoint"/> when set.</summary>
    public const string OpenAI = "openai";

    /// <summary>Any server speaking the OpenAI protocol at <see cref="ModelDeploymentOptions.Endpoint"/>.</summary>
    public const string OpenAICompatible = "openai-compatible";

    /// <summary>An Azure OpenAI resource at <see cref="ModelDeploymentOptions.Endpoint"/>.</summary>
    public const string AzureOpenAI = "azure-openai";

    private const string AzureScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>What is missing for <paramref name="model"/>'s provider, or null when nothing is.</summary>
    public static string? ConfigurationError(ModelDeploymentOptions model) => model.Provider switch
    {
        OpenAI when string.IsNullOrWhiteSpace(model.ApiKey) => "ApiKey is required for the openai provider.",
        OpenAICompatible or AzureOpenAI when !Uri.TryCreate(model.Endpoint, UriKind.Absolute, out _) =>
            $"Endpoint must be an absolute URL for the {model.Provider} provider.",
        _ => null,
    };

    /// <summary>A chat client for <paramref name="deployment"/>, which must use one of this class's providers.</summary>
    public static IChatClient Create(ModelDeployment deployment, TimeProvider time) =>
        CreateClient(deployment.Provider, deployment.Options, time).GetChatClient(deployment.Deployment).AsIChatClient();

    /// <summary>
    /// An embedding generator for <paramref name="deployment"/> (<c>POST /embeddings</c>), behind the same
    /// Polly pipeline as the chat models, asking for its <see cref="EmbeddingDeployment.Dimensions"/> when set.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(EmbeddingDeployment deployment, TimeProvider time) =>
        CreateClient(deployment.Provider, deployment.Options, time).GetEmbeddingClient(deployment.Deployment).AsIEmbeddingGenerator(deployment.Dimensions);

    private static OpenAIClient CreateClient(string provider, ModelDeploymentOptions options, TimeProvider time)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = EndpointOf(provider, options),
            Transport = new HttpClientPipelineTransport(CreateHttpClient(options.Resilience, time)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };

        // Azure without a key signs in with Entra ID: managed identity, workload identity, or a developer login.
        // The SDK marks its token-policy constructor as evaluation-only (OPENAI001); it is the supported way in.
#pragma warning disable OPENAI001
        return provider == AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey)
            ? new OpenAIClient(new BearerTokenPolicy(new DefaultAzureCredential(), AzureScope), clientOptions)
            : new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey), clientOptions);
#pragma warning restore OPENAI001
    }

    private static Uri? EndpointOf(string provider, ModelDeploymentOptions options) => provider switch
    {
        AzureOpenAI => new Uri(new Uri(options.Endpoint!.TrimEnd('/') + "/"), "openai/v1/"),
        _ when string.IsNullOrWhiteSpace(options.Endpoint) => null,
        _ => new Uri(options.Endpoint!),
    };

    private static HttpClient CreateHttpClient(ProviderResilienceOptions resilience, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = resilience.TotalTimeout });
        if (resilience.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = resilience.MaxRetries,
                Delay = resilience.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            });
        }

        var pipeline = builder
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = resilience.BreakerFailureRatio,
                MinimumThroughput = resilience.BreakerMinimumThroughput,
                SamplingDuration = resilience.BreakerSamplingDuration,
                BreakDuration = resilience.BreakDuration,
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = resilience.AttemptTimeout })
            .Build();

        // The pipeline owns timeouts; HttpClient's own would cut across retries.
        return new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler() })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
