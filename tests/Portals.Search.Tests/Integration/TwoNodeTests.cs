using Portals.Core.Content;
using Portals.Testing;
using static Portals.Search.Tests.Integration.SearchTestHelpers;

namespace Portals.Search.Tests.Integration;

/// <summary>Two web nodes over the same databases, each with its own index folder, converge on the published set.</summary>
public sealed class TwoNodeTests : IAsyncLifetime, IDisposable
{
    private readonly NodeFactory _first = new(null);
    private NodeFactory _second = null!;

    private sealed class NodeFactory : PortalsFactory
    {
        private readonly bool _owns;

        public NodeFactory(string? sharedDataPath)
            : base(sharedDataPath ?? Path.Combine(Path.GetTempPath(), "portals-tests", Guid.NewGuid().ToString("n"))) =>
            _owns = sharedDataPath is null;

        protected override bool OwnsDataPath => _owns;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Portals:Search:IndexPath", Path.Combine(DataPath, "Search-" + (_owns ? "node1" : "node2")))];
    }

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new NodeFactory(_first.DataPath);
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_second).DisposeAsync();
        await ((IAsyncLifetime)_first).DisposeAsync();
    }

    public void Dispose()
    {
        _second?.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task Writes_ThroughEitherNode_BothIndexesConverge()
    {
        const string word = "haihenutest";
        await WriteAsync(_first, "haugiang", s => s.SaveAsync(NewsItem("node-a1", $"Nút một {word}"), SaveMode.Publish, default));
        await WriteAsync(_second, "cantho", s => s.SaveAsync(NewsItem("node-b1", $"Nút hai {word}"), SaveMode.Publish, default));
        await WriteAsync(_second, "haugiang", s => s.SaveAsync(NewsItem("node-b2", $"Nút hai nháp {word}"), SaveMode.Draft, default));
        await WriteAsync(_first, "cantho", s => s.SaveAsync(NewsItem("node-a2", $"Sẽ gỡ {word}"), SaveMode.Publish, default));
        await WriteAsync(_second, "cantho", s => s.UnpublishAsync("node-a2", default));

        string[] expected = ["cantho/node-b1", "haugiang/node-a1"];
        foreach (var node in new[] { _first, _second })
        {
            var response = await EventuallyAsync(node, word, r => Ids(r).SequenceEqual(expected));
            Assert.Equal(expected, Ids(response));
        }

        await WriteAsync(_first, "cantho", s => s.DeleteAsync("node-b1", default));
        foreach (var node in new[] { _first, _second })
        {
            Assert.Equal(["haugiang/node-a1"], Ids(await EventuallyAsync(node, word, r => r.Total == 1)));
        }
    }
}
