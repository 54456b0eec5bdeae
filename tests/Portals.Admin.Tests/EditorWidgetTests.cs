using System.Net;
using System.Text.Json;
using Portals.Core.Content;
using Portals.Core.Recipes;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>
/// The widgets no other test posts: date-time and link (InvestmentEvent), the searchable content picker (NewsArticle,
/// KeyProject) and boolean (a type with a BooleanField added by a recipe here, as no module's type has one yet): what
/// the form stores, and a bad value's Vietnamese message next to its field with the typed text kept.
/// </summary>
public sealed class EditorWidgetTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private static List<KeyValuePair<string, string>> Event(string title, string start, string end = "", string url = "", string text = "") =>
    [
        new("TitlePart.Title", title),
        new("HtmlBodyPart.Html", "<p>Hội nghị xúc tiến đầu tư.</p>"),
        new("InvestmentEvent.StartDate", start),
        new("InvestmentEvent.EndDate", end),
        new("InvestmentEvent.Place", "Thành phố Vị Thanh"),
        new("InvestmentEvent.RegistrationLink", url),
        new("InvestmentEvent.RegistrationLink.Text", text),
    ];

    [Fact]
    public async Task Date_times_are_typed_in_vietnam_time_stored_in_utc_and_a_bad_one_is_refused_next_to_its_field()
    {
        using var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();

        var id = ContentForms.SavedId(await ContentForms.SaveAsync(client, "InvestmentEvent", null,
            Event("Hội nghị xúc tiến đầu tư Hậu Giang 2030", "15/03/2030 08:30", "15/03/2030 17:00")));

        var part = (await ContentForms.LatestAsync(factory, "haugiang", id))!.Part("InvestmentEvent")!;
        // Stored in Orchard Core's DateTimeField form: ISO 8601 UTC with seven fractional digits (FieldValues).
        Assert.Equal("2030-03-15T01:30:00.0000000Z", part["StartDate"]!["Value"]!.GetValue<string>());
        Assert.Equal("2030-03-15T10:00:00.0000000Z", part["EndDate"]!["Value"]!.GetValue<string>());
        using (var editor = await client.GetAsync($"content/edit/InvestmentEvent/{id}"))
        {
            var html = await editor.Content.ReadAsStringAsync();
            Assert.Contains("value=\"15/03/2030 08:30\"", ContentForms.FieldMarkup(html, "InvestmentEvent.StartDate"), StringComparison.Ordinal);
            Assert.Contains("placeholder=\"dd/mm/yyyy hh:mm\"", ContentForms.FieldMarkup(html, "InvestmentEvent.StartDate"), StringComparison.Ordinal);
        }

        using var invalid = await ContentForms.SaveAsync(client, "InvestmentEvent", id,
            Event("Hội nghị xúc tiến đầu tư Hậu Giang 2030", "31/02/2030 08:30", "14/03/2030 17:00"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var page = await invalid.Content.ReadAsStringAsync();
        var start = ContentForms.FieldMarkup(page, "InvestmentEvent.StartDate");
        Assert.Contains("Trường “Thời gian bắt đầu”: &#x27;31/02/2030 08:30&#x27; không phải là thời điểm hợp lệ (dd/mm/yyyy hh:mm).", start, StringComparison.Ordinal);
        Assert.Contains("value=\"31/02/2030 08:30\"", start, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", start, StringComparison.Ordinal);
        Assert.Contains("value=\"14/03/2030 17:00\"", ContentForms.FieldMarkup(page, "InvestmentEvent.EndDate"), StringComparison.Ordinal);
        Assert.Equal("2030-03-15T01:30:00.0000000Z", (await ContentForms.LatestAsync(factory, "haugiang", id))!.Part("InvestmentEvent")!["StartDate"]!["Value"]!.GetValue<string>());

        // A valid time that breaks the type's rule (end before start) gets the store's message in its place.
        using var order = await ContentForms.SaveAsync(client, "InvestmentEvent", id,
            Event("Hội nghị xúc tiến đầu tư Hậu Giang 2030", "15/03/2030 08:30", "14/03/2030 17:00"));
        Assert.Equal(HttpStatusCode.BadRequest, order.StatusCode);
        var end = ContentForms.FieldMarkup(await order.Content.ReadAsStringAsync(), "InvestmentEvent.EndDate");
        Assert.Contains("Trường “Thời gian kết thúc” không được trước “Thời gian bắt đầu”.", end, StringComparison.Ordinal);
        Assert.Contains("value=\"14/03/2030 17:00\"", end, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_stores_its_url_and_text_and_an_unsafe_scheme_is_refused_next_to_the_field()
    {
        using var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();

        var id = ContentForms.SavedId(await ContentForms.SaveAsync(client, "InvestmentEvent", null,
            Event("Diễn đàn đầu tư kênh Xà No", "20/04/2030 08:00", url: "https://haugiang.gov.vn/dang-ky", text: "Đăng ký tham dự")));

        var link = (await ContentForms.LatestAsync(factory, "haugiang", id))!.Part("InvestmentEvent")!["RegistrationLink"]!;
        Assert.Equal("https://haugiang.gov.vn/dang-ky", link["Url"]!.GetValue<string>());
        Assert.Equal("Đăng ký tham dự", link["Text"]!.GetValue<string>());

        using var unsafeLink = await ContentForms.SaveAsync(client, "InvestmentEvent", id,
            Event("Diễn đàn đầu tư kênh Xà No", "20/04/2030 08:00", url: "javascript:alert(1)", text: "Bấm vào đây"));
        Assert.Equal(HttpStatusCode.BadRequest, unsafeLink.StatusCode);
        var field = ContentForms.FieldMarkup(await unsafeLink.Content.ReadAsStringAsync(), "InvestmentEvent.RegistrationLink");
        Assert.Contains("Trường “Đăng ký tham dự” không phải là địa chỉ hợp lệ: chỉ nhận http, https, mailto, tel hoặc đường dẫn tương đối.", field, StringComparison.Ordinal);
        Assert.Contains("value=\"javascript:alert(1)\"", field, StringComparison.Ordinal);
        Assert.Contains("value=\"Bấm vào đây\"", field, StringComparison.Ordinal);
        Assert.Equal("https://haugiang.gov.vn/dang-ky", (await ContentForms.LatestAsync(factory, "haugiang", id))!.Part("InvestmentEvent")!["RegistrationLink"]!["Url"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_content_picker_finds_items_typed_without_diacritics_and_stores_the_chosen_ids()
    {
        using var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();
        using (var search = await client.GetAsync("content/picker?q=quoc%20lo%2061c&types=KeyProject,CooperationProgram"))
        {
            var found = JsonDocument.Parse(await search.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
            var item = Assert.Single(found);
            Assert.Equal("hg-du-an-ql61c", item.GetProperty("id").GetString());
            Assert.Equal("Đầu tư giai đoạn 2 đường nối Vị Thanh - Cần Thơ (Quốc lộ 61C)", item.GetProperty("title").GetString());
        }
        using (var otherType = await client.GetAsync("content/picker?q=quoc%20lo%2061c&types=CooperationProgram"))
        {
            Assert.Equal("[]", await otherType.Content.ReadAsStringAsync());
        }

        var id = ContentForms.SavedId(await ContentForms.SaveAsync(client, "NewsArticle", null,
        [
            new("TitlePart.Title", "Khởi công giai đoạn 2 Quốc lộ 61C"), new("HtmlBodyPart.Html", "<p>Tin khởi công.</p>"),
            new("NewsArticle.RelatedItems", "hg-du-an-ql61c"), new("NewsArticle.RelatedItems", "hg-chuong-trinh-2021-2025"),
        ]));
        var related = (await ContentForms.LatestAsync(factory, "haugiang", id))!.Part("NewsArticle")!["RelatedItems"]!["ContentItemIds"]!.AsArray();
        Assert.Equal(["hg-du-an-ql61c", "hg-chuong-trinh-2021-2025"], related.Select(n => n!.GetValue<string>()));
        using (var editor = await client.GetAsync($"content/edit/NewsArticle/{id}"))
        {
            var picker = ContentForms.FieldMarkup(await editor.Content.ReadAsStringAsync(), "NewsArticle.RelatedItems");
            Assert.Contains("<span>Đầu tư giai đoạn 2 đường nối Vị Thanh - Cần Thơ (Quốc lộ 61C)</span>", picker, StringComparison.Ordinal);
            Assert.Contains("data-multiple=\"true\"", picker, StringComparison.Ordinal);
        }

        using var badId = await ContentForms.SaveAsync(client, "NewsArticle", id,
            [new("TitlePart.Title", "Khởi công giai đoạn 2 Quốc lộ 61C"), new("NewsArticle.RelatedItems", "hg-du-an-ql61c"), new("NewsArticle.RelatedItems", "ma sai!")]);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        var field = ContentForms.FieldMarkup(await badId.Content.ReadAsStringAsync(), "NewsArticle.RelatedItems");
        Assert.Contains("Trường “Nội dung liên quan”: mã thứ 2 không hợp lệ", field, StringComparison.Ordinal);
        Assert.Contains("name=\"NewsArticle.RelatedItems\" value=\"ma sai!\"", field, StringComparison.Ordinal);
        Assert.Contains("name=\"NewsArticle.RelatedItems\" value=\"hg-du-an-ql61c\"", field, StringComparison.Ordinal);

        // A single picker (KeyProject.Program) refuses two items, next to the field.
        using var two = await ContentForms.SaveAsync(client, "KeyProject", null,
        [
            new("TitlePart.Title", "Cầu Cái Tắc mở rộng"), new("KeyProject.Status", "de-xuat"),
            new("KeyProject.Program", "hg-chuong-trinh-2021-2025"), new("KeyProject.Program", "hg-du-an-ql61c"),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
        var program = ContentForms.FieldMarkup(await two.Content.ReadAsStringAsync(), "KeyProject.Program");
        Assert.Contains("Trường “Chương trình hợp tác” chỉ nhận tối đa 1 mục (hiện có 2).", program, StringComparison.Ordinal);
        Assert.Contains("data-multiple=\"false\"", program, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_boolean_field_is_a_switch_that_stores_true_and_false()
    {
        await factory.Service<RecipeExecutor>().ApplyAsync(factory.Tenant("cantho"), Recipe.Parse(NoticeType, "widget-notice.recipe.json"), default);
        using var client = new AdminClient(factory, "cantho");
        await client.SignInAsAdminAsync();
        using (var form = await client.GetAsync("content/edit/WidgetNotice"))
        {
            var field = ContentForms.FieldMarkup(await form.Content.ReadAsStringAsync(), "WidgetNotice.Featured");
            Assert.Matches("<input type=\"checkbox\" role=\"switch\" id=\"f-WidgetNotice-Featured\" name=\"WidgetNotice.Featured\" value=\"true\"[^>]*>\\s*Nổi bật", field);
            Assert.DoesNotContain("checked", field, StringComparison.Ordinal);
            Assert.Contains("Hiện ở đầu trang chủ.", field, StringComparison.Ordinal);
        }

        var id = ContentForms.SavedId(await ContentForms.SaveAsync(client, "WidgetNotice", null,
            [new("TitlePart.Title", "Thông báo lịch tiếp dân"), new("WidgetNotice.Featured", "true")]));
        Assert.True(Featured(await ContentForms.LatestAsync(factory, "cantho", id)));
        using (var editor = await client.GetAsync($"content/edit/WidgetNotice/{id}"))
        {
            Assert.Contains("checked=\"checked\"", ContentForms.FieldMarkup(await editor.Content.ReadAsStringAsync(), "WidgetNotice.Featured"), StringComparison.Ordinal);
        }

        // An unchecked box posts nothing: the field is stored false, not left as it was.
        ContentForms.SavedId(await ContentForms.SaveAsync(client, "WidgetNotice", id, [new("TitlePart.Title", "Thông báo lịch tiếp dân")]));
        Assert.False(Featured(await ContentForms.LatestAsync(factory, "cantho", id)));
        using var edited = await client.GetAsync($"content/edit/WidgetNotice/{id}");
        Assert.DoesNotContain("checked", ContentForms.FieldMarkup(await edited.Content.ReadAsStringAsync(), "WidgetNotice.Featured"), StringComparison.Ordinal);
    }

    private static bool Featured(ContentItem? item) =>
        item!.Part("WidgetNotice")!["Featured"]!["Value"]!.GetValue<bool>();

    private const string NoticeType = """
        {
          "name": "widget-notice",
          "steps": [
            {
              "name": "ContentDefinition",
              "ContentTypes": [
                {
                  "Name": "WidgetNotice",
                  "DisplayName": "Thông báo thử",
                  "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true } },
                  "ContentTypePartDefinitionRecords": [
                    { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Position": "0" } } },
                    { "PartName": "WidgetNotice", "Name": "WidgetNotice", "Settings": { "ContentTypePartSettings": { "Position": "1" } } }
                  ]
                }
              ],
              "ContentParts": [
                {
                  "Name": "WidgetNotice",
                  "Settings": {},
                  "ContentPartFieldDefinitionRecords": [
                    {
                      "FieldName": "BooleanField",
                      "Name": "Featured",
                      "Settings": {
                        "ContentPartFieldSettings": { "DisplayName": "Nổi bật", "Position": "0" },
                        "BooleanFieldSettings": { "Hint": "Hiện ở đầu trang chủ." }
                      }
                    }
                  ]
                }
              ]
            }
          ]
        }
        """;
}
