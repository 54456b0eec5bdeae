using Portals.Admin;
using Portals.Contents;
using Portals.Cooperation;
using Portals.Core;
using Portals.Core.Http;
using Portals.Core.Security.Tokens;
using Portals.Investment;
using Portals.News;
using Portals.Search;
using Portals.Search.Http;
using Portals.Taxonomies;
using Portals.Themes;
using Portals.Web.Cli;
using Portals.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddPortalsCore(builder.Configuration)
    .AddPortalsHttp()
    .AddTaxonomiesModule()
    .AddCooperationModule()
    .AddInvestmentModule()
    .AddNewsModule()
    .AddContentsModule()
    .AddSearchModule(builder.Configuration)
    .AddAdminModule()
    .AddThemesModule();

if (PortalsCli.IsCommand(args))
{
    return await PortalsCli.RunAsync(builder, args);
}

builder.Services.AddPortalsBackgroundServices();
builder.Services.AddPortalsHealth();
builder.AddPortalsTelemetry();

var app = builder.Build();

app.UsePortalsEdge();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UsePortalsTenants();
app.UseRouting();
app.UsePortalsApi();
app.UseThemes();

app.MapHealthEndpoints();
app.MapPortalsTelemetry();
app.MapPortalsTokenEndpoint();
app.MapSearchEndpoints();
app.MapContentsEndpoints();
app.MapAdminEndpoints();
app.MapThemesEndpoints();

await app.RunAsync();
return 0;
