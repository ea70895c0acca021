using Bot.Core.Schema;

namespace Bot.DirectLine;

/// <summary>
/// Builds the message an upload turns into: the template activity (DirectLineJS sends the message with its
/// attachments' <c>contentUrl</c> stripped) with each attachment pointing at the stored file.
/// </summary>
public static class UploadActivity
{
    private const string GenericContentType = "application/octet-stream";

    /// <param name="template">The <c>activity</c> part; null makes an empty message, as the real service does.</param>
    /// <param name="files">Each uploaded file and the URL it is served at.</param>
    public static Activity Compose(Activity? template, IReadOnlyList<(UploadedFile File, string Url)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var activity = template ?? new Activity(ActivityTypes.Message);
        activity.Type = ActivityTypes.Message;
        var described = activity.Attachments ?? [];
        var matched = new Attachment?[described.Count];
        var extra = new List<Attachment>();

        foreach (var (file, url) in files)
        {
            // DirectLineJS appends the files as their downloads finish, so the order can differ: match by name first,
            // then give the file to the first template attachment that has no name.
            var index = FindSlot(described, matched, file.Name);
            if (index < 0)
            {
                index = FindSlot(described, matched, null);
            }
            var attachment = new Attachment
            {
                ContentType = index >= 0 && !string.IsNullOrEmpty(described[index].ContentType) && file.ContentType == GenericContentType
                    ? described[index].ContentType
                    : file.ContentType,
                ContentUrl = url,
                Name = file.Name,
                ThumbnailUrl = index >= 0 ? described[index].ThumbnailUrl : null,
            };
            if (index >= 0)
            {
                matched[index] = attachment;
            }
            else
            {
                extra.Add(attachment);
            }
        }

        // Inline attachments (cards) the template carried stay; descriptions of files that never came are dropped.
        var result = new List<Attachment>();
        for (var i = 0; i < described.Count; i++)
        {
            if (matched[i] is { } attachment)
            {
                result.Add(attachment);
            }
            else if (described[i].Content is not null || described[i].ContentUrl is not null)
            {
                result.Add(described[i]);
            }
        }
        result.AddRange(extra);
        activity.Attachments = result;
        return activity;
    }

    /// <summary>The first template attachment still waiting for its file: with that name, or (for null) without a name.</summary>
    private static int FindSlot(List<Attachment> described, Attachment?[] matched, string? name)
    {
        for (var i = 0; i < described.Count; i++)
        {
            var candidate = described[i];
            if (matched[i] is null && candidate.ContentUrl is null && candidate.Content is null
                && (name is null ? string.IsNullOrEmpty(candidate.Name) : string.Equals(candidate.Name, name, StringComparison.Ordinal)))
            {
                return i;
            }
        }
        return -1;
    }
}
