using Microsoft.Extensions.AI;

namespace Switchyard.Client;

/// <summary>Exposes an <see cref="ISwitchyardClient"/> through Microsoft.Extensions.AI.</summary>
public static class SwitchyardChatClientExtensions
{
    /// <summary>
    /// An <see cref="IChatClient"/> that sends every call to Switchyard for <paramref name="tenantId"/>
    /// and <paramref name="taskType"/>, unless the call's options override them.
    /// </summary>
    public static IChatClient AsChatClient(this ISwitchyardClient client, string tenantId, string taskType = "default") =>
        new SwitchyardChatClient(client, tenantId, taskType);
}
