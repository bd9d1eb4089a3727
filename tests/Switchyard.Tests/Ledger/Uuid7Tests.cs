using System.Globalization;

namespace Switchyard.Tests.Ledger;

public sealed class Uuid7Tests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 23, 45, 6, 789, TimeSpan.Zero);

    [Fact]
    public void New_IsAVersion7UuidStampedWithTheMillisecond_LikeTheRuntimes()
    {
        var id = Uuid7.New(Now);
        var runtimes = Guid.CreateVersion7(Now);

        Assert.Equal(7, id.Version);
        Assert.Equal(0x8, id.Variant & 0xC);
        var hex = id.ToString("N");
        Assert.Equal(Now.ToUnixTimeMilliseconds(), long.Parse(hex[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.Equal(runtimes.ToString("N")[..13], hex[..13]);
    }

    [Fact]
    public void New_IdsAreUnique_AndOrderedByTheirMillisecond()
    {
        var ids = Enumerable.Range(0, 100_000).Select(i => Uuid7.New(Now.AddMilliseconds(i / 1_000)).ToString("N")).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        for (var i = 1_000; i < ids.Count; i += 1_000)
        {
            Assert.True(string.CompareOrdinal(ids[i - 1], ids[i]) < 0);
        }
    }
}
