using Portals.Core.Content;
using Portals.Core.Definitions;
using Portals.Core.Modules;
using Portals.Core.Tenants;

namespace Portals.Core.Recipes;

/// <summary>Handles one kind of recipe step. Modules add their own; names are matched case-insensitively.</summary>
public interface IRecipeStepHandler
{
    string Name { get; }

    Task ExecuteAsync(RecipeContext context, RecipeStep step, CancellationToken cancellationToken);
}

/// <summary>How far a long step has come: <paramref name="Done"/> of <paramref name="Total"/> entries.</summary>
public sealed record RecipeProgress(string Recipe, int StepIndex, string StepName, int Done, int Total);

/// <summary>What a step sees: the tenant, the shared unit of work, and a way to run nested recipes.</summary>
public sealed class RecipeContext(TenantContext tenant, IContentSession session, RecipeExecutor executor, int depth, string recipe = "", IProgress<RecipeProgress>? progress = null)
{
    public TenantContext Tenant { get; } = tenant;
    public IContentSession Session { get; } = session;
    public int Depth { get; } = depth;

    public Task RunNestedAsync(Recipe nested, CancellationToken cancellationToken) =>
        Depth >= 8
            ? throw new RecipeStepException($"Các công thức lồng nhau quá sâu tại '{nested.Name}'.")
            : executor.RunStepsAsync(new RecipeContext(Tenant, Session, executor, Depth + 1, nested.Name, progress), nested, cancellationToken);

    /// <summary>Reports a long step's progress to whoever applies the recipe (the CLI prints it).</summary>
    public void Report(RecipeStep step, int done, int total) => progress?.Report(new RecipeProgress(recipe, step.Index, step.Name, done, total));
}

/// <summary>Applies a recipe to a tenant as one transaction: a failing step leaves the tenant as it was.</summary>
public sealed class RecipeExecutor(IContentStore store, IEnumerable<IRecipeStepHandler> handlers)
{
    private readonly Dictionary<string, IRecipeStepHandler> _handlers = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

    public Task ApplyAsync(TenantContext tenant, Recipe recipe, CancellationToken cancellationToken) =>
        ApplyAsync(tenant, recipe, progress: null, cancellationToken);

    public async Task ApplyAsync(TenantContext tenant, Recipe recipe, IProgress<RecipeProgress>? progress, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        await RunStepsAsync(new RecipeContext(tenant, session, this, 0, recipe.Name, progress), recipe, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    internal async Task RunStepsAsync(RecipeContext context, Recipe recipe, CancellationToken cancellationToken)
    {
        foreach (var step in recipe.Steps)
        {
            if (!_handlers.TryGetValue(step.Name, out var handler))
            {
                throw new RecipeException(recipe.Name, step.Index, step.Name, null, null,
                    $"Không có bước nào tên '{step.Name}'. Các bước hỗ trợ: {string.Join(", ", _handlers.Keys.Order())}.");
            }
            try
            {
                await handler.ExecuteAsync(context, step, cancellationToken);
            }
            catch (RecipeException)
            {
                throw;
            }
            catch (RecipeStepException ex)
            {
                throw new RecipeException(recipe.Name, step.Index, step.Name, ex.ItemId, ex.Field, ex.Message);
            }
            catch (ContentValidationException ex)
            {
                throw new RecipeException(recipe.Name, step.Index, step.Name, null, ex.Errors[0].Key, ex.Message);
            }
            catch (Exception ex) when (ex is DefinitionFormatException or UnknownFeatureException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
            {
                throw new RecipeException(recipe.Name, step.Index, step.Name, null, null, ex.Message);
            }
        }
    }
}
