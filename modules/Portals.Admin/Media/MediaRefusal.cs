namespace Portals.Admin.Media;

/// <summary>
/// Why an upload or a library change was refused. Each has a message <c>Media.Refused.{name}</c> in
/// <c>Resources/MediaText*.resx</c> (a test checks every value has one), formatted with <see cref="MediaProblem.Arguments"/>.
/// </summary>
public enum MediaRefusal
{
    NoFile,
    UnsafeName,
    TypeNotAllowed,
    ContentMismatch,
    TooLarge,
    RequestTooLarge,
    Empty,
    FolderNotFound,
    NameTaken,
    FolderNameInvalid,
    FolderExists,
    FolderNotEmpty,
    FileNotFound,
}

/// <summary>A refusal with the values its message names (file name, limits, types).</summary>
public sealed record MediaProblem(MediaRefusal Reason, params string[] Arguments)
{
    public string ResourceKey => "Media.Refused." + Reason;
}
