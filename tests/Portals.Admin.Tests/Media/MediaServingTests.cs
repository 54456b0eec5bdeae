using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portals.Admin.Media;
using Portals.Core.Http;

namespace Portals.Admin.Tests.Media;

/// <summary>
/// <c>/{tenant}/media/…</c>: the type of the stored content, nosniff, a long cache lifetime, an ETag answered with
/// 304, a safe Content-Disposition; only the tenant's own folder, also on the tenant's host.
/// </summary>
public sealed class MediaServingTests(MediaFactory factory) : IClassFixture<MediaFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var store = factory.Service<IMediaStore>();
        await store.AddFileAsync(factory.Tenant("haugiang"), MediaPath.ParseFile("tai-lieu/ke-hoach.pdf")!, new MemoryStream(MediaSamples.Pdf(1500)), default);
        await store.AddFileAsync(factory.Tenant("haugiang"), MediaPath.ParseFile("tai-lieu/thong-bao.docx")!, new MemoryStream(MediaSamples.Docx()), default);
        await store.AddFileAsync(factory.Tenant("haugiang"), MediaPath.ParseFile("anh/kenh-xa-no.png")!, new MemoryStream(MediaSamples.Png()), default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("tai-lieu/ke-hoach.pdf", "application/pdf", "inline")]
    [InlineData("tai-lieu/thong-bao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment")]
    [InlineData("anh/kenh-xa-no.png", "image/png", "inline")]
    public async Task A_file_is_served_with_its_type_nosniff_a_long_cache_and_a_safe_disposition(string path, string type, string disposition)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/haugiang/media/" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalDays: >= 30 }, response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(disposition, response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(path.Split('/')[^1], response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("default-src 'none'; frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var stored = await factory.Service<IMediaStore>().OpenReadAsync(factory.Tenant("haugiang"), MediaPath.ParseFile(path)!, default);
        await using (stored)
        {
            using var copy = new MemoryStream();
            await stored!.Stream.CopyToAsync(copy);
            Assert.Equal(copy.ToArray(), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_matching_if_none_match_gets_304_without_a_body()
    {
        using var client = factory.CreateClient();
        using var first = await client.GetAsync("/haugiang/media/tai-lieu/ke-hoach.pdf");
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/haugiang/media/tai-lieu/ke-hoach.pdf");
        request.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(etag, revalidated.Headers.ETag);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/haugiang/media/tai-lieu/ke-hoach.pdf");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"khac\""));
        using var full = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Fact]
    public async Task A_tenants_file_is_not_reachable_under_the_other_tenant_nor_by_climbing_out()
    {
        using var client = factory.CreateClient();
        using (var own = await client.GetAsync("/haugiang/media/tai-lieu/ke-hoach.pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        foreach (var url in new[]
        {
            "/cantho/media/tai-lieu/ke-hoach.pdf",
            "/cantho/media/../haugiang/media/tai-lieu/ke-hoach.pdf",
            "/cantho/media/..%2F..%2Fhaugiang%2FMedia%2Ftai-lieu%2Fke-hoach.pdf",
            "/cantho/media/tai-lieu%5Cke-hoach.pdf",
            "/haugiang/media/../portals.db",
            "/haugiang/media/..%2Fportals.db",
            "/haugiang/media/.staging/x.pdf",
            "/haugiang/media/tai-lieu",
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        using var otherHost = factory.CreateClient(new() { BaseAddress = new Uri("http://cantho.localhost/") });
        using var foreign = await otherHost.GetAsync("/media/tai-lieu/ke-hoach.pdf");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task On_the_tenants_own_host_files_answer_at_media()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("http://haugiang.localhost/") });
        using var response = await client.GetAsync("/media/anh/kenh-xa-no.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Head_answers_the_headers_without_the_body()
    {
        using var client = factory.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/haugiang/media/tai-lieu/ke-hoach.pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public void Anonymous_reads_are_under_the_anonymous_rate_limit()
    {
        var endpoint = factory.Service<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == MediaEndpoints.RouteName);

        Assert.Equal(PortalsRateLimits.Anonymous, endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
        Assert.Equal("/{tenant:tenant}/media/{**path}", ((RouteEndpoint)endpoint).RoutePattern.RawText);
    }

    /// <summary>
    /// The public themes map <c>/{tenant}/{**path}</c> for content pages. In a host with that catch-all beside the
    /// media route, a media URL still reaches the media endpoint (literal segments outrank a catch-all).
    /// </summary>
    [Fact]
    public async Task A_themes_catch_all_beside_it_does_not_shadow_the_media_route()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddRouting();
        builder.Services.AddSingleton<IMediaStore, FileSystemMediaStore>();
        await using var app = builder.Build();
        app.UseRouting();
        // Names the endpoint routing chose instead of running it.
        app.Use((HttpContext context, RequestDelegate _) =>
            context.Response.WriteAsync(context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "none"));
        app.MapGet("/{tenant}/{**path}", () => "theme").WithName("theme");
        MediaEndpoints.Map(app.MapGroup("/{tenant}"));
        await app.StartAsync();
        using var client = app.GetTestClient();

        Assert.Equal("theme", await client.GetStringAsync("/haugiang/gioi-thieu/chuong-trinh"));
        Assert.Equal(MediaEndpoints.RouteName, await client.GetStringAsync("/haugiang/media/tai-lieu/ke-hoach.pdf"));
    }
}
