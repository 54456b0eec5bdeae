using Portals.Contents;
using Portals.Cooperation;
using Portals.Core;
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
    .AddTaxonomiesModule()
    .AddCooperationModule()
    .AddInvestmentModule()
    .AddNewsModule()
    .AddContentsModule()
    .AddSearchModule(builder.Configuration)
    .AddThemesModule();

if (PortalsCli.IsCommand(args))
{
    return await PortalsCli.RunAsync(builder, args);
}

builder.Services.AddPortalsBackgroundServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UsePortalsTenants();
app.UseRouting();
app.UseContentsApi();
app.UseThemes();

app.MapHealthEndpoints();
app.MapSearchEndpoints();
app.MapContentsEndpoints();
app.MapThemesEndpoints();

await app.RunAsync();
return 0;
