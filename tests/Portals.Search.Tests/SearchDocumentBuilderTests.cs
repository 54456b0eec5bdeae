using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Definitions;
using Portals.Core.Tenants;
using Portals.Search.Indexing;

namespace Portals.Search.Tests;

/// <summary>What is indexed comes from the type definition, whatever its parts and fields are called.</summary>
public sealed class SearchDocumentBuilderTests
{
    private const string Definitions = """
    {
      "ContentTypes": [
        { "Name": "Notice", "DisplayName": "Thông báo", "Settings": {},
          "ContentTypePartDefinitionRecords": [
            { "PartName": "TitlePart", "Name": "TitlePart", "Settings": {} },
            { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": {} },
            { "PartName": "Contact", "Name": "Office", "Settings": {} },
            { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart", "Settings": {} },
            { "PartName": "Extra", "Name": "Extra", "Settings": {} } ] },
        { "Name": "Bare", "DisplayName": "Trần", "Settings": {},
          "ContentTypePartDefinitionRecords": [
            { "PartName": "TitlePart", "Name": "TitlePart", "Settings": {} },
            { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": {} } ] }
      ],
      "ContentParts": [
        { "Name": "Contact", "Settings": {},
          "ContentPartFieldDefinitionRecords": [
            { "FieldName": "TextField", "Name": "Agency", "Settings": {} },
            { "FieldName": "NumericField", "Name": "Staff", "Settings": {} },
            { "FieldName": "TaxonomyField", "Name": "Topics", "Settings": { "TaxonomyFieldSettings": { "TaxonomyContentItemId": "sector-taxonomy" } } },
            { "FieldName": "TaxonomyField", "Name": "Tags", "Settings": { "TaxonomyFieldSettings": { "TaxonomyContentItemId": "tag-taxonomy" } } } ] },
        { "Name": "Extra", "Settings": {},
          "ContentPartFieldDefinitionRecords": [
            { "FieldName": "TextField", "Name": "Summary", "Settings": {} },
            { "FieldName": "HtmlField", "Name": "Details", "Settings": {} },
            { "FieldName": "LinkField", "Name": "Website", "Settings": {} },
            { "FieldName": "TextField", "Name": "Note", "Settings": {} } ] }
      ]
    }
    """;

    private static readonly ContentDefinitionSet Set = ContentDefinitionJson.Read(JsonDocument.Parse(Definitions).RootElement);

    private static readonly TenantContext Tenant = new("cantho", "Cần Thơ", "cantho", [], "Sqlite", "", "", null, new TenantOptions());

    [Fact]
    public void Build_FieldsOfEveryPartInTypeOrder_TextHtmlAndSectorTaxonomyOnly()
    {
        var document = SearchDocumentBuilder.Build(Tenant, Item("Notice", """
            {
              "Office": { "Agency": { "Text": "Sở Xây dựng" }, "Staff": { "Value": 12 },
                          "Topics": { "TermContentItemIds": ["sector-giao-thong", "sector-do-thi", "sector-giao-thong"] },
                          "Tags": { "TermContentItemIds": ["tag-khan"] } },
              "HtmlBodyPart": { "Html": "<p>Thông báo <b>lịch</b> tiếp dân</p>" },
              "Extra": { "Summary": { "Text": "Tóm tắt ngắn" }, "Details": { "Html": "<ul><li>Sáng thứ Hai</li></ul>" },
                         "Website": { "Url": "https://example.vn" }, "Note": { "Text": "Mang căn cước" } }
            }
            """), Set);

        Assert.Equal("Tóm tắt ngắn", document.Summary);
        Assert.Equal("Sở Xây dựng\nThông báo lịch tiếp dân\nSáng thứ Hai\nMang căn cước", document.Body);
        Assert.Equal(["sector-giao-thong", "sector-do-thi"], document.Sectors);
        Assert.Equal(("Notice", "/cantho/thong-bao"), (document.ContentType, document.Url));
    }

    [Fact]
    public void Build_TypeWithoutSummarySectorOrBody_HasNothingButItsTitle()
    {
        var document = SearchDocumentBuilder.Build(Tenant, Item("Bare", "{}"), Set);

        Assert.Equal(("Tiêu đề", null, "", 0), (document.Title, document.Summary, document.Body, document.Sectors.Count));
    }

    [Fact]
    public void Build_ValuesOfAnotherShape_AreSkippedNotFatal()
    {
        var document = SearchDocumentBuilder.Build(Tenant, Item("Notice", """
            { "Office": { "Agency": ["not", "text"], "Topics": { "TermContentItemIds": "sector-giao-thong" } },
              "Extra": { "Summary": "plain string", "Note": { "Text": 42 } }, "HtmlBodyPart": [] }
            """), Set);

        Assert.Equal((null, "", 0), (document.Summary, document.Body, document.Sectors.Count));
    }

    [Fact]
    public void SectorNames_TaxonomyTermsNestedToo_NameTheItemsSectorsOnly()
    {
        var taxonomy = new ContentItem(JsonNode.Parse("""
            { "ContentItemId": "sector-taxonomy", "ContentType": "Taxonomy",
              "TaxonomyPart": { "Terms": [
                { "ContentItemId": "sector-giao-thong", "DisplayText": "Giao thông vận tải",
                  "Terms": [ { "ContentItemId": "sector-do-thi", "TitlePart": { "Title": "Đô thị" } } ] },
                { "ContentItemId": "sector-y-te", "DisplayText": "Y tế" },
                { "ContentItemId": "sector-blank", "DisplayText": "  " },
                { "DisplayText": "Không có mã" } ] } }
            """)!.AsObject());

        var names = SearchDocumentBuilder.SectorNames(taxonomy);
        var document = SearchDocumentBuilder.Build(Tenant, Item("Notice", """
            { "Office": { "Topics": { "TermContentItemIds": ["sector-giao-thong", "sector-do-thi", "sector-khac"] } } }
            """), Set, names);

        Assert.Equal(["sector-do-thi", "sector-giao-thong", "sector-y-te"], names.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([("sector-do-thi", "Đô thị"), ("sector-giao-thong", "Giao thông vận tải")],
            document.SectorNames.Select(kv => (kv.Key, kv.Value)).Order());
        Assert.Empty(SearchDocumentBuilder.SectorNames(null));
    }

    private static ContentItem Item(string type, string parts)
    {
        var json = JsonNode.Parse(parts)!.AsObject();
        json["ContentItemId"] = "n1";
        json["ContentType"] = type;
        json["DisplayText"] = "Tiêu đề";
        json["AutoroutePart"] = new JsonObject { ["Path"] = "thong-bao" };
        return new ContentItem(json);
    }
}
