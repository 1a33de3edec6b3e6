using System.Text.RegularExpressions;

namespace Pipelines.Docker;

/// <summary>
/// Follows BuildKit's <c>--progress=plain</c> stream line by line and keeps, per image (a bake target, or the one build),
/// the Dockerfile steps scheduled, done and cached. Plain output is what CI logs show anyway, so locally the same
/// stream drives the live display.
/// </summary>
/// <remarks>
/// Step headers look like <c>#9 [demo linux/amd64 production 1/3] COPY …</c>: bake puts the target first when it
/// builds several, a multi-platform build adds the platform, and <c>i/n</c> counts within one stage, so an image's
/// total is the sum of <c>n</c> over its (platform, stage) pairs seen so far.
/// </remarks>
internal sealed partial class PlainProgressTracker
{
    private readonly Dictionary<string, ImageState> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Step> _steps = [];
    private readonly string? _single;

    /// <summary>Tracks <paramref name="images"/>; with exactly one, every step belongs to it whatever its prefix.</summary>
    public PlainProgressTracker(IReadOnlyList<string> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        foreach (var image in images)
        {
            _images.TryAdd(image, new ImageState(image));
        }

        _single = images.Count == 1 ? images[0] : null;
    }

    [GeneratedRegex(@"^#(?<id>\d+) \[(?<scope>[^\]]*?)\s?(?<index>\d+)/(?<count>\d+)\] (?<name>.*)$")]
    private static partial Regex StepHeader { get; }

    [GeneratedRegex(@"^#(?<id>\d+) (?<event>CACHED|DONE|ERROR|CANCELED)\b(?<rest>.*)$")]
    private static partial Regex StepEvent { get; }

    [GeneratedRegex(@"^#(?<id>\d+) \d+\.\d+ (?<text>.*)$")]
    private static partial Regex StepLog { get; }

    /// <summary>Consumes one line of plain progress output; lines that are not progress are ignored.</summary>
    public void Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length < 3 || line[0] != '#')
        {
            return;
        }

        if (StepHeader.Match(line) is { Success: true } header)
        {
            var id = int.Parse(header.Groups["id"].ValueSpan, provider: null);
            if (_steps.ContainsKey(id))
            {
                return; // BuildKit repeats a header when it resumes printing a step
            }

            var scope = header.Groups["scope"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var image = ImageOf(scope);
            if (image is null)
            {
                return;
            }

            var platform = scope.FirstOrDefault(token => token.Contains('/', StringComparison.Ordinal)) ?? "";
            var stage = scope.Length > 0 && !scope[^1].Contains('/', StringComparison.Ordinal) && scope[^1] != image.Name ? scope[^1] : "";
            var count = int.Parse(header.Groups["count"].ValueSpan, provider: null);
            var key = $"{platform} {stage}";
            image.StageCounts[key] = Math.Max(image.StageCounts.GetValueOrDefault(key), count);
            var step = new Step(image, header.Groups["name"].Value);
            _steps[id] = step;
            image.Steps.Add(step);
            return;
        }

        if (StepEvent.Match(line) is { Success: true } stepEvent && _steps.TryGetValue(int.Parse(stepEvent.Groups["id"].ValueSpan, provider: null), out var known))
        {
            switch (stepEvent.Groups["event"].Value)
            {
                case "CACHED":
                    known.Cached = true;
                    known.Done = true;
                    break;
                case "DONE":
                    known.Done = true;
                    break;
                default:
                    known.Image.Failed = true;
                    break;
            }

            return;
        }

        if (StepLog.Match(line) is { Success: true } log && _steps.TryGetValue(int.Parse(log.Groups["id"].ValueSpan, provider: null), out var logging))
        {
            logging.Image.LastLog = log.Groups["text"].Value;
        }
    }

    /// <summary>Marks every image finished: from now on totals are the steps BuildKit actually ran (a <c>FROM scratch</c> has none).</summary>
    public void Complete(bool succeeded)
    {
        foreach (var image in _images.Values)
        {
            image.Finished = true;
            image.Failed |= !succeeded && image.Steps.Any(step => !step.Done);
        }
    }

    /// <summary>One row per image, in the order they were given.</summary>
    public IReadOnlyList<ImageProgress> Snapshot() =>
        [.. _images.Values.Select(image =>
        {
            var done = image.Steps.Count(step => step.Done);
            var total = image.Finished ? image.Steps.Count : Math.Max(image.StageCounts.Values.Sum(), image.Steps.Count);
            var running = image.Finished ? null : image.Steps.LastOrDefault(step => !step.Done);
            return new ImageProgress(image.Name, total, done, image.Steps.Count(step => step.Cached))
            {
                Current = running?.Name,
                LastLog = running is null ? null : image.LastLog,
                State = image.Failed ? ImageProgressState.Failed
                    : image.Finished ? ImageProgressState.Done
                    : image.Steps.Count == 0 ? ImageProgressState.Waiting
                    : ImageProgressState.Running,
            };
        })];

    private ImageState? ImageOf(string[] scope)
    {
        if (_single is not null)
        {
            return _images[_single];
        }

        return scope.Length > 0 && _images.TryGetValue(scope[0], out var image) ? image : null;
    }

    private sealed class ImageState(string name)
    {
        public string Name { get; } = name;

        public Dictionary<string, int> StageCounts { get; } = new(StringComparer.Ordinal);

        public List<Step> Steps { get; } = [];

        public string? LastLog { get; set; }

        public bool Failed { get; set; }

        public bool Finished { get; set; }
    }

    private sealed class Step(ImageState image, string name)
    {
        public ImageState Image { get; } = image;

        public string Name { get; } = name;

        public bool Done { get; set; }

        public bool Cached { get; set; }
    }
}
