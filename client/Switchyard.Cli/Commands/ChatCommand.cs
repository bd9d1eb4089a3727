using System.CommandLine;
using Switchyard.Cli.Output;
using Switchyard.Client;
using Switchyard.Completion;

namespace Switchyard.Cli.Commands;

/// <summary><c>switchyard chat "message"</c>: sends one message and prints the answer with its routing metadata.</summary>
internal static class ChatCommand
{
    /// <summary>Defines the command; its action connects through <paramref name="environment"/> and runs <see cref="RunAsync"/>.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var message = new Argument<string>("message") { Description = "The message to send." };
        var tenant = new Option<string>("--tenant") { Description = "The tenant that pays.", DefaultValueFactory = _ => ChatSettings.DefaultTenant };
        var taskType = new Option<string>("--task-type") { Description = "The routing policy to use.", DefaultValueFactory = _ => CompletionRequest.DefaultTaskType };
        var model = new Option<string>("--model") { Description = "'auto' to let the router choose, or a model name to pin it.", DefaultValueFactory = _ => CompletionRequest.AutoModel };
        var system = new Option<string?>("--system") { Description = "A system prompt sent before the message." };
        var maxTokens = new Option<int?>("--max-tokens") { Description = "The most completion tokens wanted." };
        var noStore = new Option<bool>("--no-store") { Description = "Neither read nor write the cache." };

        tenant.Validators.Add(result =>
        {
            if (!GrainKeys.IsValidTenantId(result.GetValueOrDefault<string>()))
            {
                result.AddError($"--tenant must be 1-128 characters without '{GrainKeys.Separator}'.");
            }
        });
        maxTokens.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError("--max-tokens must be positive.");
            }
        });

        var command = new Command("chat", "Send one message and print the answer with how it was routed.")
        {
            message, tenant, taskType, model, system, maxTokens, noStore,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new ChatSettings(
                parse.GetRequiredValue(message),
                parse.GetRequiredValue(tenant),
                parse.GetRequiredValue(taskType),
                parse.GetRequiredValue(model),
                parse.GetValue(system),
                parse.GetValue(maxTokens),
                parse.GetValue(noStore),
                parse.GetValue(global.Output));
            return await ConnectAndRunAsync(settings, parse.GetValue(global.GatewayPort), environment, cancellationToken);
        });
        return command;
    }

    /// <summary>Sends the request through <paramref name="client"/> and prints the result; returns the exit code.</summary>
    public static async Task<int> RunAsync(ChatSettings settings, ISwitchyardClient client, CliEnvironment environment, CancellationToken cancellationToken)
    {
        List<PromptMessage> messages = string.IsNullOrWhiteSpace(settings.SystemPrompt)
            ? [new("user", settings.Message)]
            : [new("system", settings.SystemPrompt), new("user", settings.Message)];
        var options = new SwitchyardRequestOptions { Model = settings.Model, MaxTokens = settings.MaxTokens, NoStore = settings.NoStore };

        try
        {
            var completion = await environment.WithStatusAsync(
                settings.Output == OutputFormat.Text,
                "Routing…",
                () => client.CompleteAsync(settings.Tenant, settings.TaskType, messages, options, cancellationToken));
            ChatFormatter.Write(completion, settings.Output, environment);
            return ExitCodes.Success;
        }
        catch (Exception exception)
        {
            return ErrorReporter.Report(exception, environment.Error);
        }
    }

    private static async Task<int> ConnectAndRunAsync(ChatSettings settings, int? gatewayPort, CliEnvironment environment, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = await environment.WithStatusAsync(
                settings.Output == OutputFormat.Text,
                "Connecting…",
                () => environment.Connector.ConnectAsync(gatewayPort, cancellationToken));
            return await RunAsync(settings, session.Client, environment, cancellationToken);
        }
        catch (Exception exception)
        {
            return ErrorReporter.Report(exception, environment.Error);
        }
    }
}
