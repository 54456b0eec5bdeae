using Portals.Admin.Media;
using Portals.Core.Tenants;

namespace Portals.Admin.Tests.Media;

/// <summary>
/// What every <see cref="IMediaStore"/> must do. An implementation's test class derives from this and supplies the
/// store and two tenants (<see cref="FileSystemMediaStoreTests"/>); a shared-volume or object store adds one class.
/// </summary>
public abstract class MediaStoreContract : IAsyncLifetime
{
    protected abstract IMediaStore Store { get; }

    protected abstract TenantContext TenantA { get; }

    protected abstract TenantContext TenantB { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static MediaPath File(string value) => MediaPath.ParseFile(value)!;

    private static MediaPath Folder(string value) => MediaPath.ParseFolder(value)!;

    private static async Task<byte[]> ReadAsync(MediaContent content)
    {
        await using (content)
        {
            using var copy = new MemoryStream();
            await content.Stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [Fact]
    public async Task An_added_file_reads_back_with_its_size_and_an_entity_tag()
    {
        var bytes = MediaSamples.Pdf(3000);
        var added = await Store.AddFileAsync(TenantA, File("tai-lieu/ke-hoach.pdf"), new MemoryStream(bytes), default);

        Assert.NotNull(added);
        Assert.Equal(bytes.Length, added.Length);
        Assert.StartsWith("\"", added.ETag, StringComparison.Ordinal);
        var read = await Store.OpenReadAsync(TenantA, File("tai-lieu/ke-hoach.pdf"), default);
        Assert.NotNull(read);
        Assert.Equal(added.ETag, read.File.ETag);
        Assert.Equal(bytes, await ReadAsync(read));
        Assert.Equal(added, await Store.GetFileAsync(TenantA, File("tai-lieu/ke-hoach.pdf"), default));
    }

    [Fact]
    public async Task A_taken_name_is_never_replaced()
    {
        var path = File("thong-bao.pdf");
        Assert.NotNull(await Store.AddFileAsync(TenantA, path, new MemoryStream(MediaSamples.Pdf(100)), default));

        Assert.Null(await Store.AddFileAsync(TenantA, path, new MemoryStream(MediaSamples.Pdf(900)), default));
        Assert.Equal(MediaSamples.Pdf(100), await ReadAsync((await Store.OpenReadAsync(TenantA, path, default))!));
    }

    [Fact]
    public async Task Of_two_concurrent_adds_of_one_name_exactly_one_wins()
    {
        var path = File("cung-ten.pdf");
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.AddFileAsync(TenantA, path, new MemoryStream(MediaSamples.Pdf(1000 + i)), default))));

        var winner = Assert.Single(attempts, a => a is not null);
        Assert.Equal(winner!.Length, (await Store.GetFileAsync(TenantA, path, default))!.Length);
    }

    [Fact]
    public async Task A_content_stream_failing_part_way_leaves_nothing()
    {
        var path = File("dang-do.pdf");
        await Assert.ThrowsAsync<IOException>(() => Store.AddFileAsync(TenantA, path, new FailingStream(MediaSamples.Pdf(5000)), default));

        Assert.Null(await Store.GetFileAsync(TenantA, path, default));
        Assert.Empty((await Store.ListAsync(TenantA, MediaPath.Root, default))!.Files);
        Assert.NotNull(await Store.AddFileAsync(TenantA, path, new MemoryStream(MediaSamples.Pdf()), default));
    }

    [Fact]
    public async Task A_listing_shows_direct_folders_and_files_sorted_by_name()
    {
        await Store.AddFileAsync(TenantA, File("bao-cao/b.pdf"), new MemoryStream(MediaSamples.Pdf()), default);
        await Store.AddFileAsync(TenantA, File("bao-cao/a.png"), new MemoryStream(MediaSamples.Png()), default);
        await Store.AddFileAsync(TenantA, File("bao-cao/2025/c.pdf"), new MemoryStream(MediaSamples.Pdf()), default);
        Assert.True(await Store.CreateFolderAsync(TenantA, Folder("bao-cao/anh"), default));

        var listing = await Store.ListAsync(TenantA, Folder("bao-cao"), default);

        Assert.NotNull(listing);
        Assert.Equal(["2025", "anh"], listing.Folders.Select(f => f.Name));
        Assert.Equal(["a.png", "b.pdf"], listing.Files.Select(f => f.Path.Name));
        Assert.Equal("bao-cao/a.png", listing.Files[0].Path.Value);
        Assert.Null(await Store.ListAsync(TenantA, Folder("khong-co"), default));
        Assert.NotNull(await Store.ListAsync(TenantB, MediaPath.Root, default));
    }

    [Fact]
    public async Task Tenants_never_see_each_others_files()
    {
        var path = File("chung/ke-hoach.pdf");
        await Store.AddFileAsync(TenantA, path, new MemoryStream(MediaSamples.Pdf(10)), default);

        Assert.Null(await Store.GetFileAsync(TenantB, path, default));
        Assert.Null(await Store.OpenReadAsync(TenantB, path, default));
        Assert.Null(await Store.ListAsync(TenantB, Folder("chung"), default));
        Assert.False(await Store.DeleteFileAsync(TenantB, path, default));
        Assert.NotNull(await Store.AddFileAsync(TenantB, path, new MemoryStream(MediaSamples.Pdf(20)), default));
        Assert.Equal(MediaSamples.Pdf(10), await ReadAsync((await Store.OpenReadAsync(TenantA, path, default))!));
    }

    [Fact]
    public async Task A_deleted_file_is_gone_and_a_second_delete_says_so()
    {
        var path = File("xoa/ke-hoach.pdf");
        await Store.AddFileAsync(TenantA, path, new MemoryStream(MediaSamples.Pdf()), default);

        Assert.True(await Store.DeleteFileAsync(TenantA, path, default));
        Assert.False(await Store.DeleteFileAsync(TenantA, path, default));
        Assert.Null(await Store.OpenReadAsync(TenantA, path, default));
        Assert.Empty((await Store.ListAsync(TenantA, Folder("xoa"), default))!.Files);
    }

    [Fact]
    public async Task A_folder_is_created_once_and_deleted_only_when_empty()
    {
        var folder = Folder("hoi-nghi");
        Assert.True(await Store.CreateFolderAsync(TenantA, folder, default));
        Assert.False(await Store.CreateFolderAsync(TenantA, folder, default));
        await Store.AddFileAsync(TenantA, File("hoi-nghi/anh.png"), new MemoryStream(MediaSamples.Png()), default);

        Assert.Equal(MediaFolderDeletion.NotEmpty, await Store.DeleteFolderAsync(TenantA, folder, default));
        Assert.NotNull(await Store.GetFileAsync(TenantA, File("hoi-nghi/anh.png"), default));
        Assert.True(await Store.DeleteFileAsync(TenantA, File("hoi-nghi/anh.png"), default));
        Assert.Equal(MediaFolderDeletion.Deleted, await Store.DeleteFolderAsync(TenantA, folder, default));
        Assert.Equal(MediaFolderDeletion.NotFound, await Store.DeleteFolderAsync(TenantA, folder, default));
        Assert.Null(await Store.ListAsync(TenantA, folder, default));
    }

    [Fact]
    public async Task The_entity_tag_changes_when_a_name_gets_new_content()
    {
        var path = File("thay-the.pdf");
        var first = await Store.AddFileAsync(TenantA, path, new MemoryStream(MediaSamples.Pdf(100)), default);
        await Store.DeleteFileAsync(TenantA, path, default);
        var second = await Store.AddFileAsync(TenantA, path, new MemoryStream(MediaSamples.Pdf(200)), default);

        Assert.NotEqual(first!.ETag, second!.ETag);
    }

    /// <summary>Gives half its bytes, then fails like a dropped connection.</summary>
    private sealed class FailingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= Length / 2 ? throw new IOException("connection reset") : base.Read(buffer, offset, Math.Min(count, (int)(Length / 2 - Position)));

        public override int Read(Span<byte> buffer) =>
            Position >= Length / 2 ? throw new IOException("connection reset") : base.Read(buffer[..Math.Min(buffer.Length, (int)(Length / 2 - Position))]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}

/// <summary>The file system store over a fresh data folder with two tenants.</summary>
public sealed class FileSystemMediaStoreTests : MediaStoreContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "portals-media-tests", Guid.NewGuid().ToString("n"));

    protected override IMediaStore Store { get; } = new FileSystemMediaStore();

    protected override TenantContext TenantA => Tenant("haugiang");

    protected override TenantContext TenantB => Tenant("cantho");

    private TenantContext Tenant(string name) =>
        new(name, name, name, [], "Sqlite", "", Path.Combine(_root, "Sites", name), null, new TenantOptions());

    [Fact]
    public async Task Files_live_under_the_tenants_media_folder_and_staging_leaves_nothing_behind()
    {
        await Store.AddFileAsync(TenantA, MediaPath.ParseFile("tai-lieu/ke-hoach.pdf")!, new MemoryStream(MediaSamples.Pdf()), default);

        var files = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root, f)).ToList();
        Assert.Equal([Path.Combine("Sites", "haugiang", "Media", "tai-lieu", "ke-hoach.pdf")], files);
    }

    public override Task DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
        return Task.CompletedTask;
    }
}
