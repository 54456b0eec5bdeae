using System.Globalization;
using System.Text;
using Portals.Core.Content;

namespace Portals.Contents.Endpoints;

/// <summary>
/// The list response: stored item JSON concatenated (no item is parsed or re-serialized) in an envelope with paging
/// and a <c>next</c> link. A page never exceeds <see cref="ContentsApiOptions.MaxListBytes"/>: when the requested page
/// would, the answer is a smaller page of the same listing (<c>truncated: true</c>, a lower <c>pageSize</c> whose
/// pages line up with the requested one, so <c>next</c> continues without a gap or an overlap).
/// </summary>
public static class ListEnvelope
{
    /// <summary>Room kept for the envelope itself (paging fields and the next link) inside the byte budget.</summary>
    private const int EnvelopeBytes = 2048;

    /// <param name="link">The URL of a page of this listing, given its page number and size.</param>
    public static string Build(ContentPage result, ContentQuery query, long maxBytes, Func<int, int, string> link)
    {
        var fitting = Fitting(result.Items, maxBytes - EnvelopeBytes);
        var page = query.Page;
        var size = query.PageSize;
        var truncated = fitting < result.Items.Count;
        if (truncated)
        {
            var offset = (query.Page - 1) * query.PageSize;
            size = LargestDivisorUpTo(offset, fitting);
            page = offset / size + 1;
            fitting = size;
        }
        var shownUpTo = (page - 1) * size + fitting;
        var next = shownUpTo < result.Total && fitting > 0 ? link(page + 1, size) : null;

        var builder = new StringBuilder(result.Items.Take(fitting).Sum(i => i.Length) + 256);
        builder.Append("{\"items\":[");
        for (var i = 0; i < fitting; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append(result.Items[i]);
        }
        builder.Append(CultureInfo.InvariantCulture, $"],\"page\":{page},\"pageSize\":{size},\"total\":{result.Total},\"totalExact\":{(result.TotalIsExact ? "true" : "false")},\"truncated\":{(truncated ? "true" : "false")},\"next\":");
        builder.Append(next is null ? "null" : System.Text.Json.JsonSerializer.Serialize(next)).Append('}');
        return builder.ToString();
    }

    /// <summary>How many leading items fit in the budget; at least one, so a single large item is still served.</summary>
    private static int Fitting(IReadOnlyList<string> items, long budget)
    {
        long bytes = 0;
        for (var i = 0; i < items.Count; i++)
        {
            bytes += Encoding.UTF8.GetByteCount(items[i]) + 1;
            if (bytes > budget)
            {
                return Math.Max(1, i);
            }
        }
        return items.Count;
    }

    /// <summary>The largest page size up to <paramref name="limit"/> that has a page starting exactly at <paramref name="offset"/>.</summary>
    private static int LargestDivisorUpTo(int offset, int limit)
    {
        for (var size = limit; size > 1; size--)
        {
            if (offset % size == 0)
            {
                return size;
            }
        }
        return 1;
    }
}
