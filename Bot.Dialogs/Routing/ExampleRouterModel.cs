using System.Diagnostics;
using Bot.Knowledge.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Routing;

/// <summary>
/// The default router, learned from the labelled examples in PostgreSQL: nearest-neighbour votes over the registered
/// embedder's vectors, mixed with an ML.NET text classifier, the result calibrated on held-out examples; rules decide
/// the obvious intents. Examples added in this process are seen at the next message (the neighbours at once, the
/// classifier after a background retraining); other processes' additions within <see cref="RouterOptions.RefreshInterval"/>.
/// With no examples stored it routes by keywords.
/// </summary>
public sealed class ExampleRouterModel(
    IRouterExampleStore store,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<RouterOptions> options,
    ILogger<ExampleRouterModel> logger) : IRouterModel, IDisposable
{
    private const int MaxTextLength = 1000;
    private const int MaxGreetingWords = 3;
    private const int MaxThanksWords = 4;
    private readonly KeywordRouterModel _keywords = new();
    private readonly SemaphoreSlim _reload = new(1, 1);
    private readonly Lock _trainingLock = new();
    private RouterSnapshot? _snapshot;
    private long _lastCheck;
    private Task _training = Task.CompletedTask;
    private bool _trainAgain;

    /// <summary>The model in use (null before the first message).</summary>
    public RouterSnapshot? Snapshot => Volatile.Read(ref _snapshot);

    /// <inheritdoc/>
    public async Task<RouteResult> ClassifyAsync(string text, CancellationToken cancellationToken)
    {
        var (result, _) = await ClassifyWithNeighboursAsync(text, cancellationToken);
        return result;
    }

    /// <summary>The verdict and the local model's raw view (null when it has no examples): the LLM router shows the neighbours to the model.</summary>
    public async Task<(RouteResult Result, RouterVerdict? Verdict)> ClassifyWithNeighboursAsync(string text, CancellationToken cancellationToken)
    {
        text = (text ?? "").Trim();
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }
        var snapshot = await CurrentAsync(cancellationToken);
        if (snapshot is null || snapshot.IsEmpty || text.Length == 0)
        {
            return (await _keywords.ClassifyAsync(text, cancellationToken), null);
        }

        var settings = options.Value;
        var vector = (await embeddings.GenerateAsync([text], cancellationToken: cancellationToken))[0].Vector;
        var verdict = snapshot.Classify(text, vector.Span, settings);
        var routeConfidence = verdict.ExactMatch ? 0.99 : snapshot.RouteCalibration.Map(verdict.RouteProbability);
        var intent = verdict.Intent ?? Intents.Question;
        var intentConfidence = verdict.ExactMatch && verdict.Intent is not null ? 0.99 : snapshot.IntentCalibration.Map(verdict.IntentProbability);
        var model = RouterModels.Examples;

        var ruled = verdict.ExactMatch ? null : RouterRules.IntentOf(text);
        if (ruled is null && !verdict.ExactMatch && !LooksLikeSmallTalk(text, intent))
        {
            // A greeting or thanks is short; a longer message the model calls one shares words with them ("this morning").
            intent = Intents.Question;
            intentConfidence = 0.5;
        }
        if (ruled is null && !verdict.ExactMatch && intent is Intents.AsksForHuman or Intents.Complaint && intentConfidence < settings.HandoffIntentConfidence)
        {
            // Asking for a person and complaining hand the conversation off: without the wording rules, only a confident
            // model may say so.
            intent = Intents.Question;
        }
        if (ruled is not null)
        {
            if (ruled != intent)
            {
                intent = ruled;
                intentConfidence = 0.95;
                model = RouterModels.Rules;
            }
            else
            {
                intentConfidence = Math.Max(intentConfidence, 0.95);
                model = RouterModels.Rules;
            }
        }
        else if (!verdict.ExactMatch && settings.OutOfScopeSimilarity > 0 && verdict.NearestInScopeSimilarity < settings.OutOfScopeSimilarity
                 && intent is Intents.Question)
        {
            intent = Intents.OutOfScope;
        }

        return (new RouteResult(verdict.Route, Math.Round(routeConfidence, 3), intent)
        {
            IntentConfidence = Math.Round(intentConfidence, 3),
            Model = model,
            NearestSimilarity = Math.Round(verdict.NearestInScopeSimilarity, 4),
        }, verdict);
    }

    /// <summary>Loads the examples and trains the classifiers now, waiting for it (start-up, evaluation, and after an import).</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        Task training;
        lock (_trainingLock)
        {
            training = _training;
        }
        await training.WaitAsync(cancellationToken);
        snapshot = Snapshot;
        if (snapshot is { IsEmpty: false } && snapshot.TrainedVersion != snapshot.Version)
        {
            var trained = await Task.Run(() => RouterTrainer.Train(snapshot, options.Value, cancellationToken), cancellationToken);
            InstallTrained(snapshot, trained);
        }
    }

    public void Dispose() => _reload.Dispose();

    /// <summary>False when the model calls a message a greeting or thanks that is too long and lacks the words for it.</summary>
    private static bool LooksLikeSmallTalk(string text, string intent)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return intent switch
        {
            Intents.Greeting => words <= MaxGreetingWords && !text.Contains('?', StringComparison.Ordinal),
            Intents.Thanks => words <= MaxThanksWords
                || text.Contains("thank", StringComparison.OrdinalIgnoreCase)
                || text.Contains("appreciat", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
    }

    private async Task<RouterSnapshot?> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = Snapshot;
        if (snapshot is not null && snapshot.LocalVersion == store.LocalVersion && !await ChangedElsewhereAsync(snapshot, cancellationToken))
        {
            return snapshot;
        }

        await _reload.WaitAsync(cancellationToken);
        try
        {
            var current = Snapshot;
            if (current is not null && !ReferenceEquals(current, snapshot) && current.LocalVersion == store.LocalVersion)
            {
                return current;
            }
            var clock = Stopwatch.StartNew();
            var localVersion = store.LocalVersion;
            var set = await store.LoadAsync(cancellationToken);
            var fresh = new RouterSnapshot(set, localVersion, current);
            Volatile.Write(ref _lastCheck, Stopwatch.GetTimestamp());
            if (fresh.IsEmpty || fresh.TrainedVersion is not null)
            {
                Install(fresh);
                if (!fresh.IsEmpty)
                {
                    ScheduleTraining();
                }
                return fresh;
            }
            // The first load trains in line: without classifiers or calibration the first verdicts would be worse.
            var trained = await Task.Run(() => RouterTrainer.Train(fresh, options.Value, cancellationToken), cancellationToken);
            Install(trained);
            logger.LogInformation("Router model trained on {Count} examples ({Routes} routes) in {Milliseconds} ms",
                fresh.Examples.Count, fresh.Routes.Length, clock.ElapsedMilliseconds);
            return trained;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>True when another process changed the examples (checked at most every <see cref="RouterOptions.RefreshInterval"/>).</summary>
    private async Task<bool> ChangedElsewhereAsync(RouterSnapshot snapshot, CancellationToken cancellationToken)
    {
        var last = Volatile.Read(ref _lastCheck);
        if (last != 0 && Stopwatch.GetElapsedTime(last) < options.Value.RefreshInterval)
        {
            return false;
        }
        Volatile.Write(ref _lastCheck, Stopwatch.GetTimestamp());
        return await store.VersionAsync(cancellationToken) != snapshot.Version;
    }

    private void Install(RouterSnapshot snapshot)
    {
        lock (_trainingLock)
        {
            Volatile.Write(ref _snapshot, snapshot);
        }
    }

    /// <summary>Installs a training of <paramref name="basis"/>; when newer examples were loaded meanwhile, they keep the new classifiers.</summary>
    private void InstallTrained(RouterSnapshot basis, RouterSnapshot trained)
    {
        lock (_trainingLock)
        {
            var current = _snapshot;
            Volatile.Write(ref _snapshot, current is null || ReferenceEquals(current, basis)
                ? trained
                : current.WithTraining(trained.RouteClassifier, trained.IntentClassifier, trained.RouteCalibration,
                    trained.IntentCalibration, trained.TrainedVersion!));
        }
    }

    private void ScheduleTraining()
    {
        lock (_trainingLock)
        {
            if (!_training.IsCompleted)
            {
                _trainAgain = true;
                return;
            }
            _training = Task.Run(TrainLoopAsync);
        }
    }

    private async Task TrainLoopAsync()
    {
        while (true)
        {
            var snapshot = Snapshot;
            if (snapshot is null || snapshot.IsEmpty)
            {
                return;
            }
            try
            {
                var clock = Stopwatch.StartNew();
                InstallTrained(snapshot, RouterTrainer.Train(snapshot, options.Value, CancellationToken.None));
                logger.LogInformation("Router model retrained on {Count} examples in {Milliseconds} ms", snapshot.Examples.Count, clock.ElapsedMilliseconds);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Retraining the router's text classifier failed; the previous one stays in use");
            }
            lock (_trainingLock)
            {
                if (!_trainAgain)
                {
                    return;
                }
                _trainAgain = false;
            }
            await Task.Yield();
        }
    }
}
