using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portals.Browser.Tests.Admin;

/// <summary>
/// Drives the MediaField picker like an editor: opens the library dialog next to the field, uploads a file from inside
/// it (the upload is chosen at once) and closes the dialog. For any form whose MediaField input carries
/// <c>data-media-picker</c>, e.g. the InvestmentCall editor:
/// <code>var path = await MediaPickerDriver.AttachAsync(page, "InvestmentCall.Documents", "/tmp/ke-hoach.pdf");</code>
/// Returns the stored media path (e.g. <c>ke-hoach.pdf</c>), which is now in the field's value; fails the test with the
/// picker's own message when the upload is refused.
/// </summary>
public static class MediaPickerDriver
{
    public static async Task<string> AttachAsync(IPage page, string fieldName, string filePath, string? folder = null)
    {
        var field = Field(page, fieldName);
        var before = await field.InputValueAsync();
        var dialog = await OpenAsync(page, fieldName);
        if (folder is not null)
        {
            await dialog.Locator("button.media-item.folder", new() { HasText = folder + "/" }).ClickAsync();
            await Expect(dialog.Locator("[data-media-crumbs] li").Last).ToHaveTextAsync(folder);
        }
        await dialog.Locator("input[type=file]").SetInputFilesAsync(filePath);
        var status = dialog.Locator("[data-media-status]");
        await Expect(status).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        if (await status.GetAttributeAsync("role") == "alert")
        {
            Assert.Fail($"The picker refused {Path.GetFileName(filePath)}: {await status.TextContentAsync()}");
        }
        await Expect(field).Not.ToHaveValueAsync(before);
        await dialog.Locator("[data-media-done]").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var paths = (await field.InputValueAsync()).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return paths[^1];
    }

    /// <summary>Opens the picker of the field and waits for the library listing; returns the dialog.</summary>
    public static async Task<ILocator> OpenAsync(IPage page, string fieldName)
    {
        await Field(page, fieldName).Locator("xpath=following-sibling::div[contains(@class,'media-picker')][1]//button[@aria-haspopup='dialog']").ClickAsync();
        var dialog = page.Locator("dialog.media-dialog[open]");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("[data-media-items]")).Not.ToContainTextAsync("…");
        return dialog;
    }

    /// <summary>The MediaField input (what is posted): its value lists the chosen paths, comma-separated.</summary>
    public static ILocator Field(IPage page, string fieldName) => page.Locator($"input[data-media-picker][name=\"{fieldName}\"]");
}
