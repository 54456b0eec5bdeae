// The ceiling for bench/api/run.sh: Kestrel with no middleware, writing fixed JSON bytes read from the file in args[0].
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var body = File.ReadAllBytes(args[0]);
app.MapGet("/item", (HttpContext context) =>
{
    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
await app.RunAsync();
