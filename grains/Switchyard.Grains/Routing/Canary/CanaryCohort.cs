using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Switchyard.Routing.Canary;

/// <summary>
/// Puts an end user into one of <see cref="CanaryCohorts.Count"/> cohorts by a SHA-256 hash of the
/// task type and the user: the same user always lands in the same cohort of a task type (on every
/// silo, across restarts), and different task types split users independently.
/// </summary>
public static class CanaryCohort
{
    /// <summary>
    /// The cohort of <paramref name="user"/> (the OpenAI <c>user</c> field) for
    /// <paramref name="taskType"/>; when the request names no user, of <paramref name="requestId"/>.
    /// </summary>
    public static int Of(string taskType, string? user, string requestId)
    {
        var subject = string.IsNullOrEmpty(user) ? "request\n" + requestId : "user\n" + user;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(taskType + "\n" + subject), digest);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(digest) % CanaryCohorts.Count);
    }

    /// <summary>True when <paramref name="cohort"/> falls in the first <paramref name="share"/> of the cohorts.</summary>
    public static bool IsCandidate(int cohort, double share) =>
        cohort >= 0 && cohort < (int)Math.Round(share * CanaryCohorts.Count, MidpointRounding.AwayFromZero);
}
