using Portals.Core.Content;

namespace Portals.Core.Tests.Contracts;

/// <summary>What every implementation of <see cref="IContentReader"/> must do.</summary>
public abstract class ContentReaderContract<THarness> : StoreContract<THarness> where THarness : StoreHarness, new()
{
    [Fact]
    public async Task GetAsync_PublishedWithNewerDraft_EachVersionAsAsked()
    {
        await SaveAsync(Offer("o1", "Bản một"), SaveMode.Publish);
        await SaveAsync(Offer("o1", "Bản hai"), SaveMode.Draft);

        var published = await InSession(s => s.GetAsync("o1", VersionOptions.Published, default));
        var latest = await InSession(s => s.GetAsync("o1", VersionOptions.Latest, default));
        Assert.Equal("Bản một", published!.DisplayText);
        Assert.True(published.Published);
        Assert.False(published.Latest);
        Assert.Equal("Bản hai", latest!.DisplayText);
        Assert.True(latest.Latest);
        Assert.False(latest.Published);
        Assert.Null(await InSession(s => s.GetAsync("khong-co", VersionOptions.Latest, default)));
    }

    [Fact]
    public async Task GetManyAsync_SomeMissingSomeDrafts_OnlyExistingVersions()
    {
        await SaveAsync(Offer("m1", "Một"), SaveMode.Publish);
        await SaveAsync(Offer("m2", "Hai"), SaveMode.Draft);
        var published = await InSession(s => s.GetManyAsync(["m1", "m2", "m3"], VersionOptions.Published, default));
        var latest = await InSession(s => s.GetManyAsync(["m1", "m2", "m3"], VersionOptions.Latest, default));
        Assert.Equal(["m1"], published.Select(i => i.ContentItemId));
        Assert.Equal(["m1", "m2"], latest.Select(i => i.ContentItemId).Order());
    }

    [Fact]
    public async Task GetJsonAsync_DraftOnly_NoPublishedJson()
    {
        await SaveAsync(Offer("d1", "Bản nháp bí mật"), SaveMode.Draft);
        Assert.Null(await PublishedJsonAsync("d1"));
        Assert.Contains("Bản nháp bí mật", await LatestJsonAsync("d1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPublishedJsonByPathAsync_SlashesAndCase_FoundOnlyWhenPublished()
    {
        await SaveAsync(Offer("p1", "Cảng Cái Cui"), SaveMode.Publish);
        await SaveAsync(Offer("p2", "Bến nháp"), SaveMode.Draft);
        Assert.Contains("\"p1\"", await InSession(s => s.GetPublishedJsonByPathAsync("/Cang-Cai-Cui/", default)), StringComparison.Ordinal);
        Assert.Null(await InSession(s => s.GetPublishedJsonByPathAsync("ben-nhap", default)));
        Assert.Null(await InSession(TenantB, s => s.GetPublishedJsonByPathAsync("cang-cai-cui", default)));
    }

    [Fact]
    public async Task QueryAsync_SectorAndFoldedText_Filter()
    {
        await SaveAsync(Offer("q1", "Cảng Cái Cui"), SaveMode.Publish);
        var bySector = await InSession(s => s.QueryAsync(new ContentQuery(TermContentItemId: "sector-giao-thong", Text: "cang cai", PageSize: 100), default));
        Assert.Equal(["q1"], bySector.Items.Select(j => ContentItem.Parse(j).ContentItemId));
        var wrongSector = await InSession(s => s.QueryAsync(new ContentQuery(TermContentItemId: "sector-y-te"), default));
        Assert.Equal(0, wrongSector.Total);
    }

    [Fact]
    public async Task QueryAsync_TypeVersionSortAndPaging_AsAsked()
    {
        foreach (var (id, title) in new[] { ("s1", "Bến Tre"), ("s2", "An Giang"), ("s3", "Cà Mau") })
        {
            await SaveAsync(Offer(id, title), SaveMode.Publish);
        }
        await SaveAsync(Offer("s4", "Đồng Tháp"), SaveMode.Draft);

        var published = await InSession(s => s.QueryAsync(new ContentQuery(ContentType: "Offer", Sort: ContentSort.TitleAscending, PageSize: 2), default));
        Assert.Equal(3, published.Total);
        Assert.Equal(["s2", "s1"], published.Items.Select(j => ContentItem.Parse(j).ContentItemId));
        var page2 = await InSession(s => s.QueryAsync(new ContentQuery(ContentType: "Offer", Sort: ContentSort.TitleAscending, Page: 2, PageSize: 2), default));
        Assert.Equal(["s3"], page2.Items.Select(j => ContentItem.Parse(j).ContentItemId));
        var latest = await InSession(s => s.QueryAsync(new ContentQuery(ContentType: "Offer", Sort: ContentSort.TitleDescending, Version: VersionOptions.Latest), default));
        Assert.Equal(["s4", "s3", "s1", "s2"], latest.Items.Select(j => ContentItem.Parse(j).ContentItemId));
        Assert.Equal(0, (await InSession(s => s.QueryAsync(new ContentQuery(ContentType: "Taxonomy", PublishedAfter: DateTime.UtcNow.AddDays(1)), default))).Total);
    }

    /// <summary>With a total limit the count stops there, but a total never ends before a page that has a next one.</summary>
    [Fact]
    public async Task QueryAsync_TotalLimit_LowerBoundPastTheLimitExactBelowIt()
    {
        foreach (var n in Enumerable.Range(1, 5))
        {
            await SaveAsync(Offer($"t{n}", $"Mục {n}"), SaveMode.Publish);
        }
        Task<ContentPage> Page(int page, int? limit) => InSession(s => s.QueryAsync(new ContentQuery("Offer", Page: page, PageSize: 2, TotalLimit: limit), default));

        var capped = await Page(1, 2);
        Assert.Equal(2, capped.Items.Count);
        Assert.False(capped.TotalIsExact);
        Assert.InRange(capped.Total, 3, 5);
        var counted = await Page(1, 10);
        Assert.Equal((5, true), (counted.Total, counted.TotalIsExact));
        var exact = await Page(1, null);
        Assert.Equal((5, true), (exact.Total, exact.TotalIsExact));
        var last = await Page(3, 2);
        Assert.Equal((1, 5, true), (last.Items.Count, last.Total, last.TotalIsExact));
        var beyond = await Page(4, 2);
        Assert.Equal((0, 5, true), (beyond.Items.Count, beyond.Total, beyond.TotalIsExact));
    }

    /// <summary>Reads inside a write session see what it wrote before the commit; other sessions do not.</summary>
    [Fact]
    public async Task Reads_InsideAWriteSession_SeeItsUncommittedWrites()
    {
        await using var session = await Store.OpenAsync(TenantA, default);
        await session.SaveAsync(Offer("w1", "Bến Ninh Kiều"), SaveMode.Publish, default);
        Assert.Contains("Bến Ninh Kiều", await session.GetJsonAsync("w1", VersionOptions.Published, default), StringComparison.Ordinal);
        Assert.Equal(["w1"], (await session.QueryAsync(new ContentQuery("Offer"), default)).Items.Select(j => ContentItem.Parse(j).ContentItemId));
        Assert.NotNull(await session.GetPublishedJsonByPathAsync("ben-ninh-kieu", default));
        Assert.Null(await PublishedJsonAsync("w1"));
        await session.CommitAsync(default);
        Assert.NotNull(await PublishedJsonAsync("w1"));
    }

    /// <summary>
    /// Titles sort by their folded form (marks removed, đ as d, case ignored, decomposed input normalized), with the
    /// same order on every provider whatever the database's locale; a search with or without diacritics matches.
    /// </summary>
    [Fact]
    public async Task QueryAsync_VietnameseTitles_FoldedOrderAndAccentInsensitiveMatch()
    {
        var titles = new[]
        {
            ("t1", "Ô Môn"), ("t2", "Cần Thơ".Normalize(System.Text.NormalizationForm.FormD)), ("t3", "Đầm Dơi"), ("t4", "bạc liêu"),
            ("t5", "Châu Thành"), ("t6", "Ấp Bắc"), ("t7", "Cà Mau"), ("t8", "Dừa"),
        };
        foreach (var (id, title) in titles)
        {
            await SaveAsync(Offer(id, title), SaveMode.Publish);
        }
        var ascending = await InSession(s => s.QueryAsync(new ContentQuery(ContentType: "Offer", Sort: ContentSort.TitleAscending), default));
        Assert.Equal(["t6", "t4", "t7", "t2", "t5", "t3", "t8", "t1"], ascending.Items.Select(j => ContentItem.Parse(j).ContentItemId));
        var descending = await InSession(s => s.QueryAsync(new ContentQuery(ContentType: "Offer", Sort: ContentSort.TitleDescending), default));
        Assert.Equal(["t1", "t8", "t3", "t5", "t2", "t7", "t4", "t6"], descending.Items.Select(j => ContentItem.Parse(j).ContentItemId));
        foreach (var text in new[] { "cần thơ", "CAN THO", "Cần Thơ".Normalize(System.Text.NormalizationForm.FormD) })
        {
            var found = await InSession(s => s.QueryAsync(new ContentQuery(Text: text), default));
            Assert.Equal("t2", ContentItem.Parse(Assert.Single(found.Items)).ContentItemId);
        }
        var dam = await InSession(s => s.QueryAsync(new ContentQuery(Text: "đầm"), default));
        Assert.Equal("t3", ContentItem.Parse(Assert.Single(dam.Items)).ContentItemId);
        Assert.Equal(0, (await InSession(s => s.QueryAsync(new ContentQuery(Text: "Cần\0Thơ"), default))).Total);
    }

    [Fact]
    public async Task ListLatestAsync_PublishedWithDraft_OneLatestPerItem()
    {
        await SaveAsync(Offer("l1", "Một"), SaveMode.Publish);
        await SaveAsync(Offer("l1", "Một, sửa"), SaveMode.Draft);
        var latest = await InSession(s => s.ListLatestAsync(default));
        Assert.Equal(["sector-taxonomy", "l1"], latest.Select(i => i.ContentItemId));
        Assert.Equal("Một, sửa", latest[1].DisplayText);
    }

    [Fact]
    public async Task ListCurrentVersionsAsync_PublishedWithDraft_PublishedThenDraft()
    {
        await SaveAsync(Offer("v1", "Công khai"), SaveMode.Publish);
        await SaveAsync(Offer("v1", "Nháp mới"), SaveMode.Draft);
        await SaveAsync(Offer("v2", "Chỉ nháp"), SaveMode.Draft);
        var versions = await InSession(s => s.ListCurrentVersionsAsync(default));
        Assert.Equal(["sector-taxonomy", "v1", "v1", "v2"], versions.Select(v => v.ContentItemId));
        Assert.Equal(("Công khai", true, false), (versions[1].DisplayText, versions[1].Published, versions[1].Latest));
        Assert.Equal(("Nháp mới", false, true), (versions[2].DisplayText, versions[2].Published, versions[2].Latest));
    }

    [Fact]
    public async Task ListPublishedIdsAsync_DraftsAndOtherTenant_OnlyOwnPublished()
    {
        await SaveAsync(Offer("i1", "Một"), SaveMode.Publish);
        await SaveAsync(Offer("i2", "Hai"), SaveMode.Draft);
        await InSession(TenantB, s => s.SaveAsync(Offer("i3", "Ba"), SaveMode.Publish, default));
        Assert.Equal(["sector-taxonomy", "i1"], await InSession(s => s.ListPublishedIdsAsync(default)));
    }
}

public sealed class SqliteContentReaderTests : ContentReaderContract<SqliteHarness>;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlContentReaderTests : ContentReaderContract<PostgreSqlHarness>;
