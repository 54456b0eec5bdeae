using System.Text.Json;
using Portals.Core.Definitions;

namespace Portals.Core.Tests;

/// <summary>A small type exercising every validation rule, plus the taxonomy type, in Orchard Core's definition format.</summary>
internal static class TestDefinitions
{
    public const string Json = """
    {
      "ContentTypes": [
        { "Name": "Offer", "DisplayName": "Dự án kêu gọi", "Settings": {},
          "ContentTypePartDefinitionRecords": [
            { "PartName": "TitlePart", "Name": "TitlePart", "Settings": {} },
            { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": {} },
            { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart", "Settings": {} },
            { "PartName": "Offer", "Name": "Offer", "Settings": {} } ] },
        { "Name": "Taxonomy", "DisplayName": "Danh mục phân loại", "Settings": {},
          "ContentTypePartDefinitionRecords": [
            { "PartName": "TitlePart", "Name": "TitlePart", "Settings": {} },
            { "PartName": "TaxonomyPart", "Name": "TaxonomyPart", "Settings": {} } ] }
      ],
      "ContentParts": [
        { "Name": "Offer", "Settings": {},
          "ContentPartFieldDefinitionRecords": [
            { "FieldName": "TextField", "Name": "Location", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Địa điểm" }, "TextFieldSettings": { "Required": true }, "FieldRules": { "MaxLength": 20 } } },
            { "FieldName": "NumericField", "Name": "AreaHa", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Diện tích (ha)" }, "NumericFieldSettings": { "Minimum": 0, "Maximum": 1000 } } },
            { "FieldName": "TextField", "Name": "Status", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Trạng thái" }, "TextFieldPredefinedListEditorSettings": { "Options": [ { "name": "Đang kêu gọi", "value": "dang-keu-goi" }, { "name": "Hết hạn", "value": "het-han" } ] } } },
            { "FieldName": "DateField", "Name": "OpenDate", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Ngày mở" } } },
            { "FieldName": "DateField", "Name": "Deadline", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Hạn chót" }, "FieldRules": { "NotBefore": "OpenDate" } } },
            { "FieldName": "NumericField", "Name": "StartYear", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Năm bắt đầu" } } },
            { "FieldName": "NumericField", "Name": "EndYear", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Năm kết thúc" }, "FieldRules": { "NotBefore": "StartYear" } } },
            { "FieldName": "TaxonomyField", "Name": "Sector", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Lĩnh vực" }, "TaxonomyFieldSettings": { "TaxonomyContentItemId": "sector-taxonomy" } } },
            { "FieldName": "ContentPickerField", "Name": "Program", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Chương trình" }, "ContentPickerFieldSettings": { "Multiple": false } } },
            { "FieldName": "ContentPickerField", "Name": "Related", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Liên quan" }, "ContentPickerFieldSettings": { "Multiple": true } } },
            { "FieldName": "HtmlField", "Name": "Incentives", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Ưu đãi" } } },
            { "FieldName": "LinkField", "Name": "Website", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Trang web" } } }
          ] }
      ]
    }
    """;

    public static ContentDefinitionSet Set { get; } = ContentDefinitionJson.Read(JsonDocument.Parse(Json).RootElement);
}
