using System.Text;
using Fluid;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Portals.Themes.Theming;

/// <summary>
/// A theme's files as Fluid sees them: the theme's own files over the shared ones, all in memory; includes resolve here.
/// </summary>
internal sealed class ThemeFiles(IReadOnlyDictionary<string, string> files) : IFileProvider
{
    public IReadOnlyDictionary<string, string> Files => files;

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.TrimStart('/');
        return files.TryGetValue(name, out var text) ? new MemoryFile(name, text) : new NotFoundFileInfo(name);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class MemoryFile(string name, string text) : IFileInfo
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public bool Exists => true;
        public long Length => _bytes.Length;
        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(_bytes, writable: false);
    }
}

/// <summary>
/// Every template of a theme, parsed once at start-up (so a syntax error fails start-up). Page templates render from
/// here; partials reached by include are parsed once more by Fluid and kept in its own template cache.
/// </summary>
internal sealed class ParsedTemplates(IReadOnlyDictionary<string, IFluidTemplate> templates)
{
    public IFluidTemplate? Find(string name) => templates.GetValueOrDefault(name + ".liquid");
}
