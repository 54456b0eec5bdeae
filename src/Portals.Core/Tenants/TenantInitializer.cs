using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Recipes;

namespace Portals.Core.Tenants;

/// <summary>Runs once per tenant after its setup recipe, e.g. to create the first admin user. Must be idempotent.</summary>
public interface ITenantSetupContributor
{
    Task SetupAsync(TenantContext tenant, CancellationToken cancellationToken);
}

/// <summary>Migrates a tenant's database (creating it when new) and, the first time, applies its setup recipe.</summary>
public sealed class TenantInitializer(
    TenantDatabase database,
    IContentStore store,
    RecipeExecutor executor,
    RecipeCatalog catalog,
    IEnumerable<ITenantSetupContributor> contributors,
    TenantStates states,
    TimeProvider clock,
    ILogger<TenantInitializer> logger)
{
    public async Task InitializeAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        try
        {
            await database.MigrateAsync(tenant, cancellationToken);
            if (!await IsSetUpAsync(tenant, cancellationToken))
            {
                var recipeName = tenant.SetupRecipe ?? tenant.Name;
                CoreLog.SettingUp(logger, tenant.Name, recipeName);
                var recipe = catalog.Find(recipeName)
                    ?? throw new InvalidOperationException($"Setup recipe '{recipeName}' for tenant '{tenant.Name}' was not found in {catalog.Folder}.");
                await executor.ApplyAsync(tenant, recipe, cancellationToken);
                foreach (var contributor in contributors)
                {
                    await contributor.SetupAsync(tenant, cancellationToken);
                }
                await MarkSetUpAsync(tenant, recipe.Name, cancellationToken);
            }
            states.Set(tenant.Name, TenantState.Running);
            CoreLog.Running(logger, tenant.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CoreLog.SetupFailed(logger, ex, tenant.Name);
            states.Set(tenant.Name, TenantState.Failed);
            throw;
        }
    }

    private async Task<bool> IsSetUpAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        return await session.GetDocumentAsync(DocumentKeys.Setup, cancellationToken) is not null;
    }

    private async Task MarkSetUpAsync(TenantContext tenant, string recipe, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        await session.SaveDocumentAsync(DocumentKeys.Setup,
            new JsonObject { ["Recipe"] = recipe, ["CompletedUtc"] = clock.GetUtcNow().UtcDateTime }, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }
}

/// <summary>Sets every tenant up in the background, so the server answers 503 instead of hanging meanwhile.</summary>
public sealed class TenantSetupService(TenantRegistry registry, TenantInitializer initializer) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(registry.All.Select(async tenant =>
        {
            try
            {
                await initializer.InitializeAsync(tenant, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Already logged and the tenant marked Failed; the other tenant keeps serving.
            }
        }));
}
