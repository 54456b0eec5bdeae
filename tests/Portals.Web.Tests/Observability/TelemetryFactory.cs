using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Portals.Testing;

namespace Portals.Web.Tests.Observability;

/// <summary>The real host whose finished spans and log lines the test can read.</summary>
public sealed class TelemetryFactory : PortalsFactory
{
    /// <summary>Spans as the in-memory exporter receives them, when each ends.</summary>
    public List<Activity> Spans { get; } = [];

    public CapturingLoggerProvider Logs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new(Portals.Web.Hosting.PortalsTelemetry.TracesSetting, "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    /// <summary>A copy of the spans exported so far (the exporter appends from the threads that end them).</summary>
    public List<Activity> SpansSoFar()
    {
        lock (Spans)
        {
            return [.. Spans];
        }
    }
}

/// <summary>One log line with every scope value in force when it was written (the host's, the tenant's, the trace's).</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Scope);

/// <summary>Keeps every line; receives the factory's scopes (<see cref="ISupportExternalScope"/>) as a real provider does.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
            provider._scopes.ForEachScope((value, values) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, item) in pairs)
                    {
                        values[key] = item;
                    }
                }
            }, scope);
            provider._lines.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), scope));
        }
    }
}
