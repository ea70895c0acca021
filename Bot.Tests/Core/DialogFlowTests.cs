using System.Text.Json;
using Bot.Core;
using Bot.Core.Dialogs;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class DialogFlowTests
{
    private readonly MemoryStorage _storage = new();

    [Fact]
    public async Task Waterfall_in_a_component_runs_a_multi_turn_booking()
    {
        await NewFlow()
            .Test("hi", "What is your name?")
            .Test("Ann", "How many seats?")
            .Test("lots", "Please give a number from 1 to 9.")
            .Test("12", "Please give a number from 1 to 9.")
            .Test("3", "Book 3 seats for Ann? (1) Yes or (2) No")
            .Test("yes", "Booked 3 seats for Ann.")
            .Test("again", "What is your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Declining_the_confirmation_ends_without_a_booking()
    {
        await NewFlow()
            .Test("hi", "What is your name?")
            .Test("Bob", "How many seats?")
            .Test("2", "Book 2 seats for Bob? (1) Yes or (2) No")
            .Test("no", "Booking cancelled.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_interruption_ends_the_component_and_resumes_the_parent()
    {
        await NewFlow()
            .Test("hi", "What is your name?")
            .Send("cancel")
            .AssertReply("Cancelling.")
            .AssertReply("Booking cancelled.")
            .Test("hi", "What is your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Dialog_stack_survives_save_and_reload_with_fresh_state_objects()
    {
        await NewFlow()
            .Test("hi", "What is your name?")
            .Test("Ann", "How many seats?")
            .StartTestAsync();

        var stored = (JsonElement)(await _storage.ReadAsync(["test/conversations/convo1"]))["test/conversations/convo1"];
        var outer = stored.GetProperty("DialogState").GetProperty("dialogStack");
        Assert.Equal("MainDialog", Assert.Single(outer.EnumerateArray()).GetProperty("id").GetString());
        var mainStack = outer[0].GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
        Assert.Equal(["BookingDialog", "main"], mainStack.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var bookingStack = mainStack[0].GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
        Assert.Equal(["seats", "booking"], bookingStack.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var waterfallState = bookingStack[1].GetProperty("state");
        Assert.Equal(1, waterfallState.GetProperty("stepIndex").GetInt32());
        Assert.Equal("Ann", waterfallState.GetProperty("values").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(waterfallState.GetProperty("instanceId").GetString()));
        Assert.Equal(JsonValueKind.Null, waterfallState.GetProperty("options").ValueKind);
        var promptState = bookingStack[0].GetProperty("state");
        Assert.Equal("How many seats?", promptState.GetProperty("options").GetProperty("prompt").GetProperty("text").GetString());
        Assert.Equal(0, promptState.GetProperty("state").GetProperty("AttemptCount").GetInt32());

        await NewFlow()
            .Test("4", "Book 4 seats for Ann? (1) Yes or (2) No")
            .Test("1", "Booked 4 seats for Ann.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Options_passed_to_a_waterfall_are_persisted_with_it()
    {
        var options = new BookingDetails { Name = "Cy" };

        await NewFlow(options)
            .Test("hi", "How many seats?")
            .StartTestAsync();

        var stored = (JsonElement)(await _storage.ReadAsync(["test/conversations/convo1"]))["test/conversations/convo1"];
        var main = stored.GetProperty("DialogState").GetProperty("dialogStack")[0].GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack")[1];
        Assert.Equal("Cy", DialogStateConvert.To<BookingDetails>(main.GetProperty("state").GetProperty("options"))!.Name);

        await NewFlow(options)
            .Test("5", "Book 5 seats for Cy? (1) Yes or (2) No")
            .Test("sure", "Booked 5 seats for Cy.")
            .StartTestAsync();
    }

    private TestFlow NewFlow(object? options = null)
    {
        var dialog = new MainDialog();
        return new TestFlow(new TestAdapter(), async (turnContext, cancellationToken) =>
        {
            // A fresh state object every turn: nothing but the storage carries the stack between turns.
            var conversationState = new ConversationState(_storage);
            var accessor = conversationState.CreateProperty<DialogState>("DialogState");
            var dialogSet = new DialogSet(accessor).Add(dialog);
            var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken);
            var result = await dc.ContinueDialogAsync(cancellationToken);
            if (result.Status == DialogTurnStatus.Empty)
            {
                await dc.BeginDialogAsync(dialog.Id, options, cancellationToken);
            }

            await conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
        });
    }
}
