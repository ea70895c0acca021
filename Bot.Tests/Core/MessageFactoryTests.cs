using Bot.Core;
using Bot.Core.Schema;

namespace Bot.Tests.Core;

public sealed class MessageFactoryTests
{
    [Fact]
    public void Text_leaves_blank_fields_out_and_accepts_input_by_default()
    {
        var message = MessageFactory.Text(" ", "  ");

        Assert.Equal(ActivityTypes.Message, message.Type);
        Assert.Null(message.Text);
        Assert.Null(message.Speak);
        Assert.Equal(InputHints.AcceptingInput, message.InputHint);
        Assert.Equal(InputHints.ExpectingInput, MessageFactory.Text("q?", inputHint: InputHints.ExpectingInput).InputHint);
    }

    [Fact]
    public void Suggested_actions_from_strings_are_im_back_buttons()
    {
        var message = MessageFactory.SuggestedActions(["Yes", "No"], "Continue?");

        Assert.Equal("Continue?", message.Text);
        Assert.Equal([(ActionTypes.ImBack, "Yes", (object?)"Yes"), (ActionTypes.ImBack, "No", "No")], message.SuggestedActions!.Actions.Select(a => (a.Type, a.Title, a.Value)));
    }

    [Fact]
    public void Attachments_use_list_or_carousel_layout()
    {
        var card = new HeroCard { Title = "t" }.ToAttachment();

        var list = MessageFactory.Attachment(card, "one");
        var carousel = MessageFactory.Carousel([card, card]);
        var file = MessageFactory.ContentUrl("https://x/y.png", "image/png");

        Assert.Equal(AttachmentLayoutTypes.List, list.AttachmentLayout);
        Assert.Equal("one", list.Text);
        Assert.Equal(AttachmentLayoutTypes.Carousel, carousel.AttachmentLayout);
        Assert.Equal(2, carousel.Attachments!.Count);
        Assert.Equal(("image/png", "https://x/y.png", string.Empty), (file.Attachments![0].ContentType, file.Attachments[0].ContentUrl, file.Attachments[0].Name));
    }
}
