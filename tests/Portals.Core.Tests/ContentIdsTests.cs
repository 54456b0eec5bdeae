using Portals.Core.Content;

namespace Portals.Core.Tests;

public sealed class ContentIdsTests
{
    [Fact]
    public void New_Called_Returns26CharValidIds()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ContentIds.New()).ToList();
        Assert.All(ids, id => Assert.Equal(26, id.Length));
        Assert.All(ids, id => Assert.True(ContentIds.IsValid(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("hg-du-an-ql61c", true)]
    [InlineData("4x3yq7abcd_Z", true)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("../etc/passwd", false)]
    [InlineData("đường", false)]
    public void IsValid_Input_MatchesIdRules(string id, bool valid) => Assert.Equal(valid, ContentIds.IsValid(id));
}
