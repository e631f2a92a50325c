namespace Gan.Models.Tests.Torch;

/// <summary>A fresh folder under the system's temporary folder, deleted with everything in it on Dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder() => Path = Directory.CreateTempSubdirectory("gan-models-tests-").FullName;

    public string Path { get; }

    /// <summary>The full path of <paramref name="name"/> in this folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
