using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Switchyard;

/// <summary>
/// The SHA-256 of a request id, for memories that find requests by id without keeping the id's string
/// (the feedback ledger, the routers' neighbour memory). A cryptographic hash rather than a fast one:
/// request ids come from callers, and two ids made to collide would let a label meant for one request
/// land on another.
/// </summary>
public static class RequestIdDigest
{
    /// <summary>The first 128 bits of the digest of <paramref name="requestId"/>, read little-endian.</summary>
    public static UInt128 Of(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        var length = Encoding.UTF8.GetByteCount(requestId);
        Span<byte> utf8 = length <= 256 ? stackalloc byte[256] : new byte[length];
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(requestId, utf8)], digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
