using System.Buffers.Binary;

namespace Switchyard;

/// <summary>
/// Version 7 UUIDs (RFC 9562: 48 bits of Unix time in milliseconds, then 74 random bits), for ids that
/// must be unique and roughly time-ordered but not secret: generated request ids and ledger rows. The
/// random bits come from <see cref="Random.Shared"/>. <see cref="Guid.CreateVersion7()"/> asks the
/// operating system for them on every call (on Linux, one read of <c>/dev/urandom</c>), and a request
/// made two of those system calls.
/// </summary>
public static class Uuid7
{
    /// <summary>A new version 7 UUID stamped with <paramref name="now"/>.</summary>
    public static Guid New(DateTimeOffset now)
    {
        // The millisecond in the first six bytes, big-endian; random bits after it, then the version and variant over them.
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, now.ToUnixTimeMilliseconds() << 16);
        Random.Shared.NextBytes(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
