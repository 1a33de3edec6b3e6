using System.Diagnostics;
using Pipelines.Output;

namespace Pipelines.Engine;

/// <summary>Runs a plan: in order, or up to N independent targets at once; applies failure, condition and cancellation rules.</summary>
internal sealed class Executor(EngineOutput output, Host host, int maxParallelism)
{
    private readonly Lock _gate = new();
    private bool _stopped;
    private string? _stoppedBy;

    public async Task<List<TargetResult>> RunAsync(ExecutionPlan plan, CancellationToken cancellationToken)
    {
        var results = plan.Order.ToDictionary(t => t, t => new TargetResult(t.Name));
        var pending = new List<TargetInfo>(plan.Order);
        var finished = new HashSet<TargetInfo>();
        var running = new Dictionary<Task, TargetInfo>();
        var parallel = maxParallelism > 1;

        while (pending.Count > 0 || running.Count > 0)
        {
            var progressed = true;
            while (progressed && running.Count < maxParallelism)
            {
                progressed = false;
                foreach (var target in pending)
                {
                    if (!target.Predecessors.Where(plan.Contains).All(finished.Contains))
                    {
                        continue;
                    }

                    pending.Remove(target);
                    progressed = true;
                    var result = results[target];
                    if (Decide(plan, target, result, results, cancellationToken))
                    {
                        running[Task.Run(() => RunTargetAsync(target, result, parallel, cancellationToken), CancellationToken.None)] = target;
                    }
                    else
                    {
                        finished.Add(target);
                    }

                    break;
                }
            }

            if (running.Count == 0)
            {
                if (pending.Count > 0)
                {
                    throw new InvalidOperationException($"No runnable target among {string.Join(", ", pending)} (bug in ordering).");
                }

                break;
            }

            var done = await Task.WhenAny(running.Keys).ConfigureAwait(false);
            var doneTarget = running[done];
            running.Remove(done);
            finished.Add(doneTarget);
            if (results[doneTarget].Status == TargetStatus.Failed && !doneTarget.Definition.IsProceedAfterFailure && !_stopped)
            {
                _stopped = true;
                _stoppedBy = doneTarget.Name;
            }
        }

        return [.. plan.Order.Select(t => results[t])];
    }

    /// <summary>Returns true when the target must run; otherwise sets its result.</summary>
    private bool Decide(ExecutionPlan plan, TargetInfo target, TargetResult result, Dictionary<TargetInfo, TargetResult> results, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            result.Status = TargetStatus.NotRun;
            result.Note = "build cancelled";
            return false;
        }

        if (plan.Skipped.TryGetValue(target, out var reason))
        {
            result.Status = TargetStatus.Skipped;
            result.Note = reason;
            return false;
        }

        var assured = target.Definition.IsAssuredAfterFailure;
        var broken = target.Dependencies.Where(plan.Contains)
            .Select(d => results[d])
            .FirstOrDefault(r => r.Status is not (TargetStatus.Succeeded or TargetStatus.Skipped));
        if (broken is not null && !assured)
        {
            result.Status = TargetStatus.NotRun;
            result.Note = broken.Status == TargetStatus.Failed ? $"dependency {broken.Name} failed" : $"dependency {broken.Name} did not run";
            return false;
        }

        if (_stopped && !assured)
        {
            result.Status = TargetStatus.NotRun;
            result.Note = $"{_stoppedBy} failed";
            return false;
        }

        foreach (var condition in target.Definition.DynamicConditions)
        {
            bool holds;
            try
            {
                holds = condition.Predicate();
            }
            catch (Exception exception)
            {
                result.Status = TargetStatus.Failed;
                result.Note = OneLine($"OnlyWhenDynamic '{condition.Text}' threw {exception.GetType().Name}: {exception.Message}");
                output.Error($"{target.Name}: {result.Note}");
                if (!target.Definition.IsProceedAfterFailure && !_stopped)
                {
                    _stopped = true;
                    _stoppedBy = target.Name;
                }

                return false;
            }

            if (!holds)
            {
                result.Status = TargetStatus.Skipped;
                result.Note = $"condition false: {condition.Text}";
                if (output.Verbosity >= Verbosity.Normal)
                {
                    output.Line($"Skipping {target.Name}: {result.Note}");
                }

                return false;
            }
        }

        return true;
    }

    private async Task RunTargetAsync(TargetInfo target, TargetResult result, bool parallel, CancellationToken cancellationToken)
    {
        var prefix = parallel ? $"[{target.Name}] " : string.Empty;
        using var sink = OutputSink.Use(line => output.TargetLine(prefix + line.Text));
        // one live display at a time: parallel targets would draw over each other
        using var live = Output.LiveConsole.Use(parallel ? null : output.LiveConsole);
        var showHeader = output.Verbosity >= Verbosity.Normal;
        if (showHeader)
        {
            if (parallel)
            {
                output.Line($"{prefix}started");
            }
            else
            {
                lock (_gate)
                {
                    output.Group(host, target.Name, begin: true);
                }
            }
        }

        result.StartedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            foreach (var action in target.Definition.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await action(cancellationToken).ConfigureAwait(false);
            }

            result.Status = TargetStatus.Succeeded;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result.Status = TargetStatus.Cancelled;
            result.Note = "cancelled while running";
        }
        catch (Exception exception)
        {
            result.Status = TargetStatus.Failed;
            var message = SecretMasker.Redact(exception is PipelinesException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}");
            result.Note = OneLine(message);
            output.Error($"{prefix}Target {target.Name} failed: {message}");
            output.HostFailure(host, target.Name, message);
            if (output.Verbosity >= Verbosity.Verbose && exception.StackTrace is { } trace)
            {
                output.TargetLine(prefix + SecretMasker.Redact(trace));
            }
        }
        finally
        {
            result.Duration = stopwatch.Elapsed;
            if (showHeader)
            {
                if (parallel)
                {
                    output.Line($"{prefix}{result.Status.ToString().ToLowerInvariant()} in {Text.FormatDuration(result.Duration)}");
                }
                else
                {
                    output.Group(host, target.Name, begin: false);
                }
            }
        }
    }

    private static string OneLine(string message)
    {
        var line = message.Split('\n', 2)[0].TrimEnd('\r');
        return line.Length > 100 ? line[..97] + "..." : line;
    }
}
