using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portals.Core.Content;
using Portals.Core.Recipes;

namespace Portals.Core.Http;

/// <summary>The one place where exceptions become RFC 7807 problems; anything unmapped is a real fault (500).</summary>
public sealed class ExceptionProblemMapper(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception, httpContext.RequestAborted.IsCancellationRequested);
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The problem for an exception that means bad input or a gone client, or null for a real fault. Argument checks
    /// inside the code are faults too: input is validated where it enters, so they never map to 400 here.
    /// </summary>
    public static ProblemDetails? Map(Exception exception, bool requestAborted) => exception switch
    {
        ContentValidationException validation => new HttpValidationProblemDetails(
            validation.Errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = 400,
            Title = "Nội dung không hợp lệ.",
        },
        ContentPermissionException permission => new ProblemDetails
        {
            Status = 403,
            Title = "Forbidden.",
            Detail = permission.Message,
            Extensions = { ["permission"] = permission.Permission },
        },
        ContentConflictException => new ProblemDetails
        {
            Status = 412,
            Title = "Precondition failed.",
            Detail = "The item changed since the version your change is based on (If-Match) was read; fetch it again and reapply your change.",
        },
        RecipeException recipe => new ProblemDetails { Status = 400, Title = "Công thức (recipe) không hợp lệ.", Detail = recipe.Message },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == 413 ? "Request body too large." : "Bad request.",
            Detail = bad.InnerException is JsonException json ? $"Malformed JSON: {json.Message}" : bad.Message,
        },
        JsonException json => new ProblemDetails { Status = 400, Title = "Malformed JSON.", Detail = json.Message },
        // Text in a request that is not valid UTF-8, found only when it is decoded (System.Text.Json wraps it).
        DecoderFallbackException or InvalidOperationException { InnerException: DecoderFallbackException } => new ProblemDetails
        {
            Status = 400,
            Title = "Invalid text encoding.",
            Detail = "The request holds text that is not valid UTF-8.",
        },
        // Only the client's own cancellation; a timeout inside the server is a fault.
        OperationCanceledException when requestAborted => new ProblemDetails { Status = 499, Title = "Request cancelled." },
        _ => null,
    };
}

public static class ProblemDetailsSetup
{
    /// <summary>Adds the trace id and the tenant to every problem the app writes.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    }
}
