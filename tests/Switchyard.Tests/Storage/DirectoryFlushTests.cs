using Switchyard.Storage;

namespace Switchyard.Tests.Storage;

public sealed class DirectoryFlushTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-flush-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Flush_OfADirectoryWithARenameInIt_Succeeds()
    {
        var temporary = Path.Combine(_directory, "state.tmp");
        File.WriteAllText(temporary, "state");
        File.Move(temporary, Path.Combine(_directory, "state"));

        DirectoryFlush.Flush(_directory);

        Assert.Equal("state", File.ReadAllText(Path.Combine(_directory, "state")));
    }

    [Fact]
    public void Flush_OfAMissingDirectory_IsAnIOExceptionNamingIt()
    {
        var missing = Path.Combine(_directory, "missing");

        var exception = Assert.Throws<IOException>(() => DirectoryFlush.Flush(missing));

        Assert.Contains(missing, exception.Message);
        Assert.Contains("errno 2", exception.Message); // ENOENT
    }
}
