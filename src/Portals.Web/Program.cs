using Portals.Admin;
using Portals.Contents;
using Portals.Cooperation;
using Portals.Core;
using Portals.Investment;
using Portals.News;
using Portals.Search;
using Portals.Search.Http;
using Portals.Taxonomies;
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
    .AddAdminModule();

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

app.MapHealthEndpoints();
app.MapSearchEndpoints();
app.MapContentsEndpoints();
app.MapAdminEndpoints();

await app.RunAsync();
return 0;
