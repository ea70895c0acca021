using System.Text.Json;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class ActivityHandlerTests
{
    private readonly TestAdapter _adapter = new();

    public static TheoryData<string, string?, string[]> DispatchTable => new()
    {
        { ActivityTypes.Message, null, ["OnMessageActivityAsync"] },
        { ActivityTypes.MessageUpdate, null, ["OnMessageUpdateActivityAsync"] },
        { ActivityTypes.MessageDelete, null, ["OnMessageDeleteActivityAsync"] },
        { ActivityTypes.Event, "tokens/response", ["OnEventActivityAsync", "OnTokenResponseEventAsync"] },
        { ActivityTypes.Event, "handoff.status", ["OnEventActivityAsync", "OnEventAsync"] },
        { ActivityTypes.EndOfConversation, null, ["OnEndOfConversationActivityAsync"] },
        { ActivityTypes.Typing, null, ["OnTypingActivityAsync"] },
        { ActivityTypes.Command, null, ["OnCommandActivityAsync"] },
        { ActivityTypes.CommandResult, null, ["OnCommandResultActivityAsync"] },
        { "someFutureType", null, ["OnUnrecognizedActivityTypeAsync"] },
        { "Message", null, ["OnUnrecognizedActivityTypeAsync"] },
    };

    [Theory]
    [MemberData(nameof(DispatchTable))]
    public async Task Activity_type_dispatches_to_its_handler(string type, string? name, string[] expected)
    {
        var bot = new RecordingBot();

        await _adapter.ProcessActivityAsync(new Activity(type) { Name = name }, bot.OnTurnAsync);

        Assert.Equal(expected, bot.Calls);
    }

    [Fact]
    public async Task Members_added_skips_the_bot_itself()
    {
        var bot = new RecordingBot();

        await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("bot")] }, bot.OnTurnAsync);
        await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("bot"), new ChannelAccount("user1")] }, bot.OnTurnAsync);

        Assert.Equal(["OnConversationUpdateActivityAsync", "OnConversationUpdateActivityAsync", "OnMembersAddedAsync:bot,user1"], bot.Calls);
    }

    [Fact]
    public async Task Members_removed_is_reported_for_users()
    {
        var bot = new RecordingBot();

        await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.ConversationUpdate) { MembersRemoved = [new ChannelAccount("user1")] }, bot.OnTurnAsync);

        Assert.Equal(["OnConversationUpdateActivityAsync", "OnMembersRemovedAsync:user1"], bot.Calls);
    }

    [Fact]
    public async Task Reactions_and_installation_updates_are_split_by_kind()
    {
        var bot = new RecordingBot();

        await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.MessageReaction) { ReactionsAdded = [new MessageReaction { Type = "like" }], ReactionsRemoved = [new MessageReaction { Type = "sad" }] }, bot.OnTurnAsync);
        await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.InstallationUpdate) { Action = "add" }, bot.OnTurnAsync);
        await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.InstallationUpdate) { Action = "remove-upgrade" }, bot.OnTurnAsync);

        Assert.Equal(
            ["OnMessageReactionActivityAsync", "OnReactionsAddedAsync:like", "OnReactionsRemovedAsync:sad", "OnInstallationUpdateActivityAsync", "OnInstallationUpdateAddAsync", "OnInstallationUpdateActivityAsync", "OnInstallationUpdateRemoveAsync"],
            bot.Calls);
    }

    [Fact]
    public async Task Adaptive_card_action_returns_the_handlers_response()
    {
        var bot = new RecordingBot();
        var value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "rate", data = new { stars = 5 } }, trigger = "manual" }, BotJson.Options);

        var response = await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.Invoke) { Name = "adaptiveCard/action", Value = value }, bot.OnTurnAsync);

        Assert.Equal(200, response!.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal("application/vnd.microsoft.activity.message", body.Type);
        Assert.Equal("rated 5", body.Value);
    }

    [Theory]
    [InlineData(null, "BadRequest", "Missing value property")]
    [InlineData("""{"trigger":"manual"}""", "BadRequest", "Missing action property")]
    [InlineData("""{"action":{"type":"Action.Submit"}}""", "NotSupported", "The action 'Action.Submit'is not supported.")]
    [InlineData("\"just a string\"", "BadRequest", "Value property is not properly formed")]
    public async Task Malformed_adaptive_card_action_is_a_bad_request(string? valueJson, string code, string message)
    {
        var value = valueJson == null ? (object?)null : JsonSerializer.Deserialize<JsonElement>(valueJson);

        var response = await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.Invoke) { Name = "adaptiveCard/action", Value = value }, new RecordingBot().OnTurnAsync);

        Assert.Equal(400, response!.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal(400, body.StatusCode);
        Assert.Equal("application/vnd.microsoft.error", body.Type);
        var error = Assert.IsType<Error>(body.Value);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Unknown_invoke_is_not_implemented()
    {
        var response = await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.Invoke) { Name = "composeExtension/query" }, new ActivityHandler().OnTurnAsync);

        Assert.Equal(501, response!.Status);
        Assert.Null(_adapter.GetNextReply());
    }

    [Fact]
    public async Task Adaptive_card_action_without_an_override_is_not_implemented()
    {
        var value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute" } }, BotJson.Options);

        var response = await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.Invoke) { Name = "adaptiveCard/action", Value = value }, new ActivityHandler().OnTurnAsync);

        Assert.Equal(501, response!.Status);
    }

    [Fact]
    public async Task Handler_that_sent_its_own_invoke_response_is_not_answered_twice()
    {
        var bot = new SelfAnsweringBot();

        var response = await _adapter.ProcessActivityAsync(new Activity(ActivityTypes.Invoke) { Name = "custom" }, bot.OnTurnAsync);

        Assert.Equal(202, response!.Status);
    }

    private sealed class SelfAnsweringBot : ActivityHandler
    {
        protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            await turnContext.SendActivityAsync(new Activity(ActivityTypes.InvokeResponse) { Value = new InvokeResponse { Status = 202 } }, cancellationToken);
            return new InvokeResponse { Status = 200 };
        }
    }

    private sealed class RecordingBot : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task OnMessageUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task OnMessageDeleteActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add(nameof(OnConversationUpdateActivityAsync));
            return base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
        }

        protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record($"{nameof(OnMembersAddedAsync)}:{string.Join(',', membersAdded.Select(m => m.Id))}");

        protected override Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record($"{nameof(OnMembersRemovedAsync)}:{string.Join(',', membersRemoved.Select(m => m.Id))}");

        protected override Task OnMessageReactionActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add(nameof(OnMessageReactionActivityAsync));
            return base.OnMessageReactionActivityAsync(turnContext, cancellationToken);
        }

        protected override Task OnReactionsAddedAsync(IList<MessageReaction> messageReactions, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record($"{nameof(OnReactionsAddedAsync)}:{messageReactions[0].Type}");

        protected override Task OnReactionsRemovedAsync(IList<MessageReaction> messageReactions, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record($"{nameof(OnReactionsRemovedAsync)}:{messageReactions[0].Type}");

        protected override Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add(nameof(OnEventActivityAsync));
            return base.OnEventActivityAsync(turnContext, cancellationToken);
        }

        protected override Task OnTokenResponseEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
        {
            var stars = JsonSerializer.SerializeToElement(invokeValue.Action!.Data, BotJson.Options).GetProperty("stars").GetInt32();
            return Task.FromResult(new AdaptiveCardInvokeResponse { StatusCode = 200, Type = "application/vnd.microsoft.activity.message", Value = $"rated {stars}" });
        }

        protected override Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add(nameof(OnInstallationUpdateActivityAsync));
            return base.OnInstallationUpdateActivityAsync(turnContext, cancellationToken);
        }

        protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task OnCommandActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task OnCommandResultActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record();

        private Task Record([System.Runtime.CompilerServices.CallerMemberName] string call = "")
        {
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }
}
