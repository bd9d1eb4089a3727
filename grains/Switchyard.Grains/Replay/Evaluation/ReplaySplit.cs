using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Switchyard.Replay.Evaluation;

/// <summary>
/// Carves a stable held-out part out of recorded data by a hash of each query's sample id, so the
/// same queries are held out on every run and on every machine, whatever the file order.
/// </summary>
public static class ReplaySplit
{
    /// <summary>True when <paramref name="sampleId"/> falls in the held-out <paramref name="percent"/>.</summary>
    public static bool IsHeldOut(string sampleId, int percent)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sampleId));
        return BinaryPrimitives.ReadUInt32BigEndian(hash) % 100 < percent;
    }
}
