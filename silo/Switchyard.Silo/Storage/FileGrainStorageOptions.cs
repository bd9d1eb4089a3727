namespace Switchyard.Silo.Storage;

/// <summary>Where <see cref="FileGrainStorage"/> keeps grain state.</summary>
public sealed class FileGrainStorageOptions
{
    /// <summary>The directory grain state is written under. Default: <c>data/</c> under the working directory.</summary>
    public string RootDirectory { get; set; } = "data";
}
