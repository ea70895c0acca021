using Bot.Core.Schema;
using Bot.DirectLine;

namespace Bot.Tests.ChannelUnits;

/// <summary>How an upload's files are put on its message: matched to the template's attachments by name, then order.</summary>
public sealed class UploadActivityTests
{
    [Fact]
    public void Files_arriving_in_another_order_are_matched_to_the_template_by_name()
    {
        var template = new Activity(ActivityTypes.Message)
        {
            Text = "two files",
            Attachments = [new Attachment("image/png", name: "a.png"), new Attachment("text/plain", name: "b.txt")],
        };

        var activity = UploadActivity.Compose(template, [(File("b.txt", "text/plain"), "https://host/b"), (File("a.png", "image/png"), "https://host/a")]);

        Assert.Equal("two files", activity.Text);
        Assert.Equal(["a.png", "b.txt"], activity.Attachments!.Select(a => a.Name));
        Assert.Equal(["https://host/a", "https://host/b"], activity.Attachments!.Select(a => a.ContentUrl));
    }

    [Fact]
    public void Files_fill_unnamed_template_attachments_in_order_and_extra_files_are_appended()
    {
        var template = new Activity(ActivityTypes.Message) { Attachments = [new Attachment("image/jpeg")] };

        var activity = UploadActivity.Compose(template, [(File("blob", "application/octet-stream"), "u1"), (File("more.pdf", "application/pdf"), "u2")]);

        Assert.Equal(2, activity.Attachments!.Count);
        Assert.Equal("image/jpeg", activity.Attachments[0].ContentType);
        Assert.Equal("u1", activity.Attachments[0].ContentUrl);
        Assert.Equal(("application/pdf", "u2"), (activity.Attachments[1].ContentType, activity.Attachments[1].ContentUrl));
    }

    [Fact]
    public void Without_a_template_the_files_make_an_empty_message_and_inline_cards_of_a_template_are_kept()
    {
        var bare = UploadActivity.Compose(null, [(File("x.png", "image/png"), "u")]);
        var card = new Attachment("application/vnd.microsoft.card.adaptive", content: new { type = "AdaptiveCard" });
        var withCard = UploadActivity.Compose(new Activity(ActivityTypes.Message) { Attachments = [card, new Attachment("text/plain", name: "never-sent.txt")] }, [(File("x.png", "image/png"), "u")]);

        Assert.Equal(ActivityTypes.Message, bare.Type);
        Assert.Equal("image/png", Assert.Single(bare.Attachments!).ContentType);
        Assert.Equal([card.ContentType, "image/png"], withCard.Attachments!.Select(a => a.ContentType));
    }

    private static UploadedFile File(string name, string type) => new(name, type, [1, 2, 3]);
}
