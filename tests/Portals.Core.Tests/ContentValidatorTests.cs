using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Validation;

namespace Portals.Core.Tests;

public sealed class ContentValidatorTests
{
    private static ContentItem Offer(string partJson, string title = "Khu công nghiệp") => new(new JsonObject
    {
        ["ContentType"] = "Offer",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["Offer"] = JsonNode.Parse(partJson),
    });

    private static IReadOnlyList<FieldError> Validate(ContentItem item) => ContentValidator.Validate(item, TestDefinitions.Set);

    [Fact]
    public void Validate_ValidItem_NoErrors() =>
        Assert.Empty(Validate(Offer("""{"Location":{"Text":"Vị Thanh"},"AreaHa":{"Value":12.5},"Status":{"Text":"het-han"},"OpenDate":{"Value":"2024-01-01"},"Deadline":{"Value":"2024-02-01"}}""")));

    [Fact]
    public void Validate_MissingRequiredField_ErrorNamesFieldInVietnamese()
    {
        var error = Assert.Single(Validate(Offer("{}")));
        Assert.Equal("Offer.Location", error.Key);
        Assert.Contains("Địa điểm", error.Message);
        Assert.Contains("bắt buộc", error.Message);
    }

    [Fact]
    public void Validate_TooLongText_MaxLengthError()
    {
        var error = Assert.Single(Validate(Offer("""{"Location":{"Text":"Một địa điểm rất rất dài quá giới hạn"}}""")));
        Assert.Equal("Offer.Location", error.Key);
        Assert.Contains("20", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void Validate_NumberOutOfRange_RangeError(decimal area)
    {
        var error = Assert.Single(Validate(Offer("{\"Location\":{\"Text\":\"A\"},\"AreaHa\":{\"Value\":" + area.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}")));
        Assert.Equal("Offer.AreaHa", error.Key);
    }

    [Fact]
    public void Validate_ValueNotInOptions_AllowedValuesError()
    {
        var error = Assert.Single(Validate(Offer("""{"Location":{"Text":"A"},"Status":{"Text":"bi-mat"}}""")));
        Assert.Equal("Offer.Status", error.Key);
        Assert.Contains("dang-keu-goi", error.Message);
    }

    [Fact]
    public void Validate_DeadlineBeforeOpenDate_DateOrderError()
    {
        var error = Assert.Single(Validate(Offer("""{"Location":{"Text":"A"},"OpenDate":{"Value":"2024-03-01"},"Deadline":{"Value":"2024-02-01"}}""")));
        Assert.Equal("Offer.Deadline", error.Key);
        Assert.Contains("Ngày mở", error.Message);
    }

    [Theory]
    [InlineData("""{"Location":"Vị Thanh"}""", "Offer.Location")]
    [InlineData("""{"Location":{"Text":"A"},"AreaHa":{"Value":"mười"}}""", "Offer.AreaHa")]
    [InlineData("""{"Location":{"Text":"A"},"Deadline":{"Value":"không phải ngày"}}""", "Offer.Deadline")]
    [InlineData("""{"Location":{"Text":"A"},"Sector":{"TermContentItemIds":[1,2]}}""", "Offer.Sector")]
    public void Validate_WrongFieldShape_ErrorNamesField(string part, string key) =>
        Assert.Equal(key, Assert.Single(Validate(Offer(part))).Key);

    [Fact]
    public void Validate_EmptyTitle_TitleRequired() =>
        Assert.Contains(Validate(Offer("""{"Location":{"Text":"A"}}""", title: " ")), e => e.Key == "TitlePart.Title");

    [Fact]
    public void Validate_UnknownContentType_ContentTypeError()
    {
        var item = new ContentItem(new JsonObject { ["ContentType"] = "Nope" });
        Assert.Equal("ContentType", Assert.Single(Validate(item)).Key);
    }

    [Fact]
    public void Validate_UnknownPartInJson_Ignored()
    {
        var item = Offer("""{"Location":{"Text":"A"}}""");
        item.Data["SomeFuturePart"] = new JsonObject { ["Anything"] = new JsonArray(1, 2) };
        Assert.Empty(Validate(item));
    }

    [Theory]
    [InlineData("""{"Location":{"Text":"A"},"StartYear":{"Value":1e400},"EndYear":{"Value":2025}}""", "Offer.StartYear")]
    [InlineData("""{"Location":{"Text":"A"},"StartYear":"hai nghìn","EndYear":{"Value":2025}}""", "Offer.StartYear")]
    [InlineData("""{"Location":{"Text":"A"},"StartYear":{"Value":"2020"},"EndYear":{"Value":2025}}""", "Offer.StartYear")]
    [InlineData("""{"Location":{"Text":"A"},"StartYear":{"Value":2020},"EndYear":{"Value":-1e400}}""", "Offer.EndYear")]
    public void Validate_BrokenSiblingOfOrderedNumber_OneErrorNamingTheBrokenField(string part, string key) =>
        Assert.Equal(key, Assert.Single(Validate(Offer(part))).Key);

    [Fact]
    public void Validate_SettingsNumbersBeyondRange_IgnoredInsteadOfFailing()
    {
        var definitions = Portals.Core.Definitions.ContentDefinitionJson.Read(System.Text.Json.JsonDocument.Parse(
            TestDefinitions.Json.Replace("\"Maximum\": 1000", "\"Maximum\": 1e400", StringComparison.Ordinal)
                .Replace("\"MaxLength\": 20", "\"MaxLength\": 1e400", StringComparison.Ordinal)).RootElement);
        Assert.Empty(ContentValidator.Validate(Offer("""{"Location":{"Text":"Vị Thanh"},"AreaHa":{"Value":5000}}"""), definitions));
    }

    [Fact]
    public void Validate_TermsWithoutLookup_OnlyIdShapeChecked()
    {
        Assert.Empty(Validate(Offer("""{"Location":{"Text":"A"},"Sector":{"TermContentItemIds":["sector-bat-ky"]}}""")));
        Assert.Equal("Offer.Sector", Assert.Single(Validate(Offer("""{"Location":{"Text":"A"},"Sector":{"TaxonomyContentItemId":"khac","TermContentItemIds":["x"]}}"""))).Key);
    }
}
