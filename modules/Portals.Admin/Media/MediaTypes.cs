using System.Buffers.Binary;
using System.IO.Compression;

namespace Portals.Admin.Media;

public enum MediaKind
{
    Image,
    Document,
}

/// <summary>
/// A type the library accepts. <see cref="Inline"/>: shown in the browser (images, PDF) rather than downloaded (DOCX).
/// The first extension is the one given to stored files.
/// </summary>
public sealed record MediaType(string Label, string ContentType, MediaKind Kind, IReadOnlyList<string> Extensions, bool Inline)
{
    public string Extension => Extensions[0];
}

/// <summary>
/// The accepted types and how a file's content is recognised: by its leading bytes (and, for DOCX, the ZIP entries
/// every Word document has), never by the name it came with.
/// </summary>
public static class MediaTypes
{
    public static readonly MediaType Pdf = new("PDF", "application/pdf", MediaKind.Document, ["pdf"], Inline: true);
    public static readonly MediaType Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaKind.Document, ["docx"], Inline: false);
    public static readonly MediaType Jpeg = new("JPEG", "image/jpeg", MediaKind.Image, ["jpg", "jpeg"], Inline: true);
    public static readonly MediaType Png = new("PNG", "image/png", MediaKind.Image, ["png"], Inline: true);
    public static readonly MediaType Webp = new("WebP", "image/webp", MediaKind.Image, ["webp"], Inline: true);

    public static IReadOnlyList<MediaType> All { get; } = [Pdf, Docx, Jpeg, Png, Webp];

    /// <summary>For the file chooser's <c>accept</c> attribute: <c>.pdf,.docx,.jpg,…</c>.</summary>
    public static string AcceptAttribute { get; } = string.Join(',', All.SelectMany(t => t.Extensions).Select(e => "." + e));

    /// <summary>A ZIP whose central directory lists more entries than this is not treated as a Word document.</summary>
    private const int MaxZipEntries = 10_000;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static MediaType? FromExtension(string extension) =>
        All.FirstOrDefault(t => t.Extensions.Contains(extension.ToLowerInvariant(), StringComparer.Ordinal));

    /// <summary>The type of a stored file, from the extension it was stored with (which the upload set from its content).</summary>
    public static MediaType? Of(MediaPath file) => file.IsFile ? FromExtension(file.Extension) : null;

    /// <summary>What the content is, or null when it is none of the accepted types. Reads from the start of a seekable stream.</summary>
    public static MediaType? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Span<byte> head = stackalloc byte[12];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        MediaType? type =
            head.StartsWith(PdfMagic) ? Pdf
            : head.StartsWith(JpegMagic) ? Jpeg
            : head.StartsWith(PngMagic) ? Png
            : head.Length == 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? Webp
            : head.StartsWith(ZipMagic) && IsWordDocument(content) ? Docx
            : null;
        content.Position = 0;
        return type;
    }

    /// <summary>
    /// A DOCX is a ZIP (OPC package) with <c>[Content_Types].xml</c> and the <c>word/</c> parts, without a macro
    /// project (a .docm renamed). Only the directory is read, after its entry count is checked in the end record;
    /// nothing is decompressed, so a ZIP bomb costs nothing here.
    /// </summary>
    private static bool IsWordDocument(Stream content)
    {
        if (ZipEntryCount(content) is not (> 0 and <= MaxZipEntries))
        {
            return false;
        }
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("[Content_Types].xml")
                && names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase))
                && !names.Contains("word/vbaProject.bin");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The entry count of the ZIP's end-of-central-directory record (the last 22 bytes plus a comment of up to 64 KB).</summary>
    private static int? ZipEntryCount(Stream content)
    {
        const int EndRecordLength = 22;
        var tailLength = (int)Math.Min(content.Length, EndRecordLength + ushort.MaxValue);
        var tail = new byte[tailLength];
        content.Position = content.Length - tailLength;
        content.ReadExactly(tail);
        for (var i = tailLength - EndRecordLength; i >= 0; i--)
        {
            if (tail[i] == 0x50 && tail[i + 1] == 0x4B && tail[i + 2] == 0x05 && tail[i + 3] == 0x06)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            }
        }
        return null;
    }
}
