namespace Gan.Models.Datasets;

/// <summary>A dataset file that cannot be read as its format requires; the message names the file and the fault.</summary>
public sealed class DatasetFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/> with a description of what is wrong.</summary>
    public DatasetFormatException(string path, string problem) : base($"{path}: {problem}") => FilePath = path;

    /// <summary>Creates the exception for <paramref name="path"/>, keeping the failure that revealed the fault.</summary>
    public DatasetFormatException(string path, string problem, Exception inner) : base($"{path}: {problem}", inner) => FilePath = path;

    /// <summary>The file (or folder) that could not be read.</summary>
    public string FilePath { get; }
}
