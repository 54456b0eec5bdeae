using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Portals.Admin.Media;
using Portals.Core.Audit;

namespace Portals.Admin.Areas.Admin.Pages.Media;

/// <summary>
/// <c>POST /admin/media/upload?folder=…</c>, one file per request (the first file part of a multipart form). The
/// picker and the library send it with XMLHttpRequest (upload progress), the antiforgery token in the
/// <c>RequestVerificationToken</c> header (so antiforgery never buffers the body) and <c>Accept: application/json</c>:
/// the answer is 201 with the stored file, or a problem whose <c>detail</c> is the Vietnamese (or English) message.
/// Without script the form posts the token as a field and the answer is a redirect to the library.
/// The page binds no model: the body is read here, streamed to the upload check, never buffered by MVC.
/// </summary>
public sealed class UploadModel(MediaUploads uploads, IOptions<MediaOptions> options, ProblemDetailsFactory problems, ILogger<UploadModel> logger)
    : MediaPageModel
{
    public const string ErrorKey = "media-upload-error";

    /// <summary>Room for the multipart headers and the small fields around the file.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public IActionResult OnGet() => RedirectToPage("/Media/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var folderValue = Request.Query["folder"].ToString();
        if (MediaPath.ParseFolder(folderValue) is not { } folder)
        {
            return Refused(MediaUploadResult.Refused(MediaRefusal.FolderNotFound, folderValue), folderValue);
        }
        var maxBody = options.Value.MaxUploadBytes + FormOverheadBytes;
        if (Request.ContentLength > maxBody)
        {
            return Refused(RequestTooLarge(), folder.Value);
        }
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxBody;
        }

        MediaUploadResult result;
        try
        {
            result = await UploadFirstFileAsync(folder, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            result = RequestTooLarge();
        }
        catch (InvalidDataException)
        {
            // A multipart body that is not well formed.
            result = MediaUploadResult.Refused(MediaRefusal.NoFile);
        }
        if (result.File is not { } file)
        {
            return Refused(result, folder.Value);
        }

        AdminLog.MediaChanged(logger, CurrentUser.UserName, Tenant.Name, AuditActions.MediaUploaded, file.Path.Value);
        var url = MediaEndpoints.Url(HttpContext, file.Path);
        if (!WantsJson)
        {
            return RedirectToPage("/Media/Index", new { folder = folder.Value, uploaded = file.Path.Value });
        }
        return new CreatedResult(url, new UploadedJson(file.Path.Name, file.Path.Value, url, MediaFormat.Size(file.Length),
            result.Type!.Label, result.Type.Kind == MediaKind.Image));
    }

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private async Task<MediaUploadResult> UploadFirstFileAsync(MediaPath folder, CancellationToken cancellationToken)
    {
        // Without script, antiforgery read the token from the form, so the form is already in memory (or spooled).
        if (Request.HasFormContentType && HttpContext.Features.Get<IFormFeature>()?.Form is { } form)
        {
            if (form.Files.Count == 0)
            {
                return MediaUploadResult.Refused(MediaRefusal.NoFile);
            }
            await using var stream = form.Files[0].OpenReadStream();
            return await uploads.UploadAsync(Tenant, folder, form.Files[0].FileName, stream, Audit, cancellationToken);
        }
        if (!MediaTypeHeaderValue.TryParse(Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return MediaUploadResult.Refused(MediaRefusal.NoFile);
        }
        var reader = new MultipartReader(boundary, Request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return await uploads.UploadAsync(Tenant, folder, name, section.Body, Audit, cancellationToken);
            }
        }
        return MediaUploadResult.Refused(MediaRefusal.NoFile);
    }

    private MediaUploadResult RequestTooLarge() =>
        MediaUploadResult.Refused(MediaRefusal.RequestTooLarge, MediaUploads.Megabytes(options.Value.MaxUploadBytes));

    private AuditEntry Audit(MediaPath path, MediaType type, long length) =>
        AuditEntry(AuditActions.MediaUploaded, IndexModel.Subject(path), $"{type.Label}, {length} B");

    private IActionResult Refused(MediaUploadResult result, string folder)
    {
        var message = Message(result.Problem!);
        if (!WantsJson)
        {
            TempData[ErrorKey] = message;
            return RedirectToPage("/Media/Index", new { folder });
        }
        var status = result.Problem!.Reason switch
        {
            MediaRefusal.TooLarge => StatusCodes.Status413PayloadTooLarge,
            MediaRefusal.TypeNotAllowed or MediaRefusal.ContentMismatch => StatusCodes.Status415UnsupportedMediaType,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = problems.CreateProblemDetails(HttpContext, status, M["Media.UploadRefused"], detail: message);
        problem.Extensions["reason"] = result.Problem.Reason.ToString();
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }

    private sealed record UploadedJson(string Name, string Path, string Url, string Size, string Type, bool Image);
}
