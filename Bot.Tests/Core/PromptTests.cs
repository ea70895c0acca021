using Bot.Core;
using Bot.Core.Dialogs;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class PromptTests
{
    private static readonly List<Choice> Colors =
    [
        new Choice("Red") { Synonyms = ["crimson"] },
        new Choice("Green"),
        new Choice("Light Blue"),
    ];

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yeah, sure", true)]
    [InlineData("OK", true)]
    [InlineData("nope", false)]
    [InlineData("n", false)]
    [InlineData("1", true)]
    [InlineData("2", false)]
    public async Task Confirm_prompt_recognizes_english_answers_and_choice_numbers(string answer, bool expected)
    {
        var client = NewClient(Channels.Test, new ConfirmPrompt("confirm"), new PromptOptions { Prompt = MessageFactory.Text("Proceed?") });

        var prompt = await client.SendActivityAsync<Activity>("start");
        await client.SendActivityAsync<Activity>(answer);

        Assert.Equal("Proceed? (1) Yes or (2) No", prompt!.Text);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Equal(expected, client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task Prompt_without_an_input_hint_is_sent_as_expecting_input()
    {
        var client = NewClient(Channels.Test, new TextPrompt("text"), new PromptOptions { Prompt = new Activity(ActivityTypes.Message) { Text = "Name?" } });

        var prompt = await client.SendActivityAsync<Activity>("start");

        Assert.Equal(InputHints.ExpectingInput, prompt!.InputHint);
    }

    [Fact]
    public async Task Confirm_prompt_retries_on_an_unrecognized_answer()
    {
        var client = NewClient(Channels.Test, new ConfirmPrompt("confirm"), new PromptOptions
        {
            Prompt = MessageFactory.Text("Proceed?"),
            RetryPrompt = MessageFactory.Text("Please answer yes or no."),
        });
        await client.SendActivityAsync<Activity>("start");

        var retry = await client.SendActivityAsync<Activity>("maybe");

        Assert.Equal("Please answer yes or no. (1) Yes or (2) No", retry!.Text);
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult!.Status);
    }

    [Fact]
    public async Task Confirm_prompt_uses_suggested_actions_on_web_chat()
    {
        var client = NewClient(Channels.Webchat, new ConfirmPrompt("confirm"), new PromptOptions { Prompt = MessageFactory.Text("Proceed?") });

        var prompt = await client.SendActivityAsync<Activity>("start");

        Assert.Equal("Proceed?", prompt!.Text);
        Assert.Equal(["Yes", "No"], prompt.SuggestedActions!.Actions.Select(a => (string?)a.Value));
        Assert.All(prompt.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
    }

    [Theory]
    [InlineData("green", "Green", 1)]
    [InlineData("I'd like GREEN please", "Green", 1)]
    [InlineData("crimson", "Red", 0)]
    [InlineData("light blue", "Light Blue", 2)]
    [InlineData("3", "Light Blue", 2)]
    [InlineData("option 2", "Green", 1)]
    [InlineData("the first one", "Red", 0)]
    public async Task Choice_prompt_matches_values_synonyms_and_numbers(string answer, string value, int index)
    {
        var client = NewClient(Channels.Test, new ChoicePrompt("choice"), new PromptOptions { Prompt = MessageFactory.Text("Pick a color."), Choices = Colors });
        await client.SendActivityAsync<Activity>("start");

        await client.SendActivityAsync<Activity>(answer);

        var found = Assert.IsType<FoundChoice>(client.DialogTurnResult!.Result);
        Assert.Equal(value, found.Value);
        Assert.Equal(index, found.Index);
    }

    [Fact]
    public async Task Choice_prompt_reprompts_with_the_choices_when_nothing_matches()
    {
        var client = NewClient(Channels.Test, new ChoicePrompt("choice"), new PromptOptions { Prompt = MessageFactory.Text("Pick a color."), Choices = Colors });
        var prompt = await client.SendActivityAsync<Activity>("start");

        var retry = await client.SendActivityAsync<Activity>("purple");
        var outOfRange = await client.SendActivityAsync<Activity>("7");

        Assert.Equal("Pick a color. (1) Red, (2) Green, or (3) Light Blue", prompt!.Text);
        Assert.Equal(prompt.Text, retry!.Text);
        Assert.Equal(prompt.Text, outOfRange!.Text);
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult!.Status);
    }

    [Fact]
    public async Task Choice_prompt_renders_list_style_and_teams_hero_card()
    {
        var listClient = NewClient(Channels.Test, new ChoicePrompt("choice"), new PromptOptions { Prompt = MessageFactory.Text("Pick:"), Choices = Colors, Style = ListStyle.List });
        var teamsClient = NewClient(Channels.Msteams, new ChoicePrompt("choice"), new PromptOptions { Prompt = MessageFactory.Text("Pick:"), Choices = Colors });

        var list = await listClient.SendActivityAsync<Activity>("start");
        var card = await teamsClient.SendActivityAsync<Activity>("start");

        Assert.Equal("Pick:\n\n   1. Red\n   2. Green\n   3. Light Blue", list!.Text);
        var attachment = Assert.Single(card!.Attachments!);
        Assert.Equal(HeroCard.ContentType, attachment.ContentType);
        Assert.Equal(["Red", "Green", "Light Blue"], Assert.IsType<HeroCard>(attachment.Content).Buttons!.Select(b => b.Title));
    }

    [Fact]
    public async Task Text_prompt_with_validator_retries_until_valid_and_counts_attempts()
    {
        var attempts = new List<int>();
        var prompt = new TextPrompt("name", async (promptContext, cancellationToken) =>
        {
            attempts.Add(promptContext.AttemptCount);
            if (promptContext.AttemptCount >= 3 && promptContext.Recognized.Value!.Length < 3)
            {
                await promptContext.Context.SendActivityAsync("Still too short, try a longer name.", cancellationToken: cancellationToken);
            }

            return promptContext.Recognized.Succeeded && promptContext.Recognized.Value!.Length >= 3;
        });

        await new TestFlow(new TestAdapter(), DialogCallback(prompt, new PromptOptions
            {
                Prompt = MessageFactory.Text("Your name?"),
                RetryPrompt = MessageFactory.Text("At least three letters, please."),
            }))
            .Test("start", "Your name?")
            .Test("Al", "At least three letters, please.")
            .Test("Bo", "At least three letters, please.")
            .Test("Cy", "Still too short, try a longer name.")
            .Test("Dana", "You said Dana")
            .StartTestAsync();

        Assert.Equal([1, 2, 3, 4], attempts);
    }

    [Fact]
    public async Task Text_prompt_ignores_non_message_activities()
    {
        var client = NewClient(Channels.Test, new TextPrompt("text"), new PromptOptions { Prompt = MessageFactory.Text("Say something.") });
        await client.SendActivityAsync<Activity>("start");

        var reply = await client.SendActivityAsync<Activity>(new Activity(ActivityTypes.Typing));

        Assert.Null(reply);
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult!.Status);
    }

    [Fact]
    public async Task Prompt_without_prompt_options_is_rejected()
    {
        var client = NewClient(Channels.Test, new TextPrompt("text"), options: null);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SendActivityAsync<Activity>("start"));
    }

    private static DialogTestClient NewClient(string channelId, Dialog prompt, PromptOptions? options) =>
        new(channelId, prompt, options);

    private static BotCallbackHandler DialogCallback(Dialog prompt, PromptOptions options)
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var accessor = conversationState.CreateProperty<DialogState>("DialogState");
        return async (turnContext, cancellationToken) =>
        {
            var dc = await new DialogSet(accessor).Add(prompt).CreateContextAsync(turnContext, cancellationToken);
            var result = await dc.ContinueDialogAsync(cancellationToken);
            if (result.Status == DialogTurnStatus.Empty)
            {
                await dc.PromptAsync(prompt.Id, options, cancellationToken);
            }
            else if (result.Status == DialogTurnStatus.Complete)
            {
                await turnContext.SendActivityAsync($"You said {result.Result}", cancellationToken: cancellationToken);
            }

            await conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
        };
    }
}
