using System.Runtime.InteropServices;

namespace Switchyard.Storage;

/// <summary>
/// Makes a directory's entries durable: a file created in it, renamed into it or deleted from it. Flushing
/// a file (<see cref="FileStream.Flush(bool)"/>) makes its bytes durable but not its name, and POSIX asks
/// for an <c>fsync</c> of the directory itself for that, which .NET has no call for (it refuses to open a
/// directory as a file). Without it, a power cut can undo a rename that a later step relies on, on file
/// systems that do not order metadata changes as ext4's journal does.
/// </summary>
public static partial class DirectoryFlush
{
    /// <summary>
    /// Renames <paramref name="temporary"/> over <paramref name="path"/> (a file already flushed to the
    /// device) and flushes the directory, so that once this returns the new file is what a power cut leaves.
    /// </summary>
    public static void Replace(string temporary, string path)
    {
        File.Move(temporary, path, overwrite: true);
        Flush(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Flushes the entries of <paramref name="directory"/> to the device. Does nothing on Windows, where renames are made durable otherwise.</summary>
    /// <exception cref="IOException">The directory could not be opened or flushed.</exception>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // O_RDONLY is 0 on every Unix; a directory opens read-only.
        var descriptor = Open(directory, 0);
        if (descriptor < 0)
        {
            throw new IOException($"The directory '{directory}' could not be opened to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Sync(descriptor) != 0)
            {
                throw new IOException($"The directory '{directory}' could not be flushed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Sync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
