namespace Sentry.OpenApi;

/// <summary>A file to upload in a multipart form (a release file, a debug information file).</summary>
public sealed class FileParameter
{
    /// <summary>Creates a file part from <paramref name="data"/>, which the upload reads and the caller disposes.</summary>
    /// <param name="data">The file's bytes.</param>
    /// <param name="fileName">The file name sent in the part's <c>Content-Disposition</c> (default: the form field's name).</param>
    /// <param name="contentType">The part's content type, e.g. <c>application/octet-stream</c> (default: none).</param>
    public FileParameter(Stream data, string? fileName = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The file's bytes.</summary>
    public Stream Data { get; }

    /// <summary>The file name sent with the part.</summary>
    public string? FileName { get; }

    /// <summary>The part's content type.</summary>
    public string? ContentType { get; }
}
