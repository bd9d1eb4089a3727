using Microsoft.Extensions.Options;

namespace Switchyard.Replay;

/// <summary>The replay data of this process, read once from <see cref="ReplayOptions.Files"/> on first use.</summary>
public sealed class ReplayLibrary(IOptions<ReplayOptions> options)
{
    private readonly Lazy<ReplayDataset> _dataset = new(() => ReplayDataset.Load(options.Value.Files));

    /// <summary>The recorded queries.</summary>
    public ReplayDataset Dataset => _dataset.Value;

    /// <summary>Output tokens assumed for an answer without a recorded cost.</summary>
    public int OutputTokensWithoutCost => options.Value.OutputTokensWithoutCost;
}
