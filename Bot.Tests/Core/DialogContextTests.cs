using System.Text.Json;
using Bot.Core;
using Bot.Core.Dialogs;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class DialogContextTests
{
    private readonly TestAdapter _adapter = new();

    [Fact]
    public async Task Begin_pushes_on_top_and_end_returns_the_result_to_the_parent()
    {
        var dialogs = new DialogSet().Add(new WaitingDialog("outer")).Add(new WaitingDialog("inner"));
        var dc = NewContext(dialogs);

        await dc.BeginDialogAsync("outer");
        await dc.BeginDialogAsync("inner");
        Assert.Equal(["inner", "outer"], dc.Stack.Select(i => i.Id));

        var result = await dc.EndDialogAsync("inner result");

        Assert.Equal("outer", dc.ActiveDialog!.Id);
        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal("inner result", dc.ActiveDialog.State["resumedWith"]);
        var last = await dc.EndDialogAsync("done");
        Assert.Equal(DialogTurnStatus.Complete, last.Status);
        Assert.Equal("done", last.Result);
    }

    [Fact]
    public async Task Replace_ends_the_active_dialog_and_starts_the_new_one_in_its_place()
    {
        var ended = new List<string>();
        var dialogs = new DialogSet().Add(new WaitingDialog("a", ended)).Add(new WaitingDialog("b", ended));
        var dc = NewContext(dialogs);
        await dc.BeginDialogAsync("a");

        await dc.ReplaceDialogAsync("b");

        Assert.Equal(["b"], dc.Stack.Select(i => i.Id));
        Assert.Equal(["a:ReplaceCalled"], ended);
    }

    [Fact]
    public async Task Cancel_all_ends_every_dialog_and_reports_cancelled_or_empty()
    {
        var ended = new List<string>();
        var dialogs = new DialogSet().Add(new WaitingDialog("a", ended)).Add(new WaitingDialog("b", ended));
        var dc = NewContext(dialogs);
        await dc.BeginDialogAsync("a");
        await dc.BeginDialogAsync("b");

        var cancelled = await dc.CancelAllDialogsAsync();
        var empty = await dc.CancelAllDialogsAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, cancelled.Status);
        Assert.Equal(DialogTurnStatus.Empty, empty.Status);
        Assert.Empty(dc.Stack);
        Assert.Equal(["b:CancelCalled", "a:CancelCalled"], ended);
    }

    [Fact]
    public async Task Unknown_dialog_id_fails_clearly()
    {
        var dc = NewContext(new DialogSet());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => dc.BeginDialogAsync("missing"));

        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_different_dialog_with_a_taken_id_renames_it()
    {
        var first = new WaitingDialog("same");
        var second = new WaitingDialog("same");

        var set = new DialogSet().Add(first).Add(first).Add(second);

        Assert.Equal("same", first.Id);
        Assert.Equal("same2", second.Id);
        Assert.Same(second, set.Find("same2"));
    }

    [Fact]
    public async Task Events_bubble_from_the_leaf_to_the_handling_parent()
    {
        var parent = new EventHandlingComponent();
        var dc = NewContext(new DialogSet().Add(parent));
        await dc.BeginDialogAsync(parent.Id);

        var handled = await dc.EmitEventAsync("custom", 42, bubble: true, fromLeaf: true);
        var notHandled = await dc.EmitEventAsync("other", null, bubble: true, fromLeaf: true);

        Assert.True(handled);
        Assert.False(notHandled);
        Assert.Equal([42], parent.Seen);
        Assert.Equal("leaf", dc.Child!.ActiveDialog!.Id);
    }

    [Fact]
    public async Task Run_async_begins_then_continues_the_root_dialog()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var accessor = conversationState.CreateProperty<DialogState>("DialogState");
        var dialog = new WaterfallDialog("root",
        [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Name?") }, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Hi {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var component = new ComponentDialog("component").AddDialog(dialog).AddDialog(new TextPrompt("text"));
        var adapter = new TestAdapter().Use(new AutoSaveStateMiddleware(conversationState));

        await new TestFlow(adapter, (turnContext, ct) => component.RunAsync(turnContext, accessor, ct))
            .Test("hello", "Name?")
            .Test("Ann", "Hi Ann")
            .Test("again", "Name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Run_async_rethrows_errors_no_dialog_handles()
    {
        var accessor = new ConversationState(new MemoryStorage()).CreateProperty<DialogState>("DialogState");
        var failing = new WaterfallDialog("failing", [(_, _) => throw new InvalidOperationException("step failed")]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.RunAsync(NewTurn(), accessor));

        Assert.Equal("step failed", error.Message);
    }

    [Fact]
    public void Dialog_state_convert_reads_json_and_passes_typed_values_through()
    {
        var json = JsonSerializer.SerializeToElement(new { name = "Ann", seats = 3 }, BotJson.Options);
        var typed = new BookingDetails { Name = "Bo" };

        Assert.Equal(3, DialogStateConvert.To<int>(json.GetProperty("seats")));
        Assert.Equal("Ann", DialogStateConvert.To<BookingDetails>(json)!.Name);
        Assert.Same(typed, DialogStateConvert.To<BookingDetails>(typed));
        Assert.Equal(7L, DialogStateConvert.To<long>(7));
        Assert.Null(DialogStateConvert.To<BookingDetails>(null));
    }

    private TurnContext NewTurn() => new(_adapter, _adapter.MakeActivity("hi"));

    private DialogContext NewContext(DialogSet dialogs) => new(dialogs, NewTurn(), new DialogState());

    private sealed class WaitingDialog(string id, List<string>? ended = null) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(EndOfTurn);

        public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
        {
            dc.ActiveDialog!.State["resumedWith"] = result;
            return Task.FromResult(EndOfTurn);
        }

        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended?.Add($"{Id}:{reason}");
            return Task.CompletedTask;
        }
    }

    private sealed class EventHandlingComponent : ComponentDialog
    {
        public EventHandlingComponent()
            : base("parent")
        {
            AddDialog(new WaitingDialog("leaf"));
        }

        public List<object?> Seen { get; } = [];

        protected override Task<bool> OnPreBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken)
        {
            if (e.Name != "custom")
            {
                return Task.FromResult(false);
            }

            Seen.Add(e.Value);
            return Task.FromResult(true);
        }
    }
}
