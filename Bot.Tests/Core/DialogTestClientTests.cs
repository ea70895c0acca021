using Bot.Core;
using Bot.Core.Dialogs;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class DialogTestClientTests
{
    [Fact]
    public async Task Client_runs_the_dialog_turn_by_turn_and_exposes_the_result()
    {
        var client = new DialogTestClient(Channels.Test, new BookingDialog());

        Assert.Equal("What is your name?", (await client.SendActivityAsync<Activity>("hi"))!.Text);
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult!.Status);
        Assert.Equal("How many seats?", (await client.SendActivityAsync<Activity>("Ann"))!.Text);
        Assert.Equal("Book 2 seats for Ann? (1) Yes or (2) No", (await client.SendActivityAsync<Activity>("2"))!.Text);
        Assert.Null(await client.SendActivityAsync<Activity>("yes"));

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
        var booking = Assert.IsType<BookingDetails>(client.DialogTurnResult.Result);
        Assert.Equal(("Ann", 2), (booking.Name, booking.Seats));
    }

    [Fact]
    public async Task Client_saves_state_after_every_turn()
    {
        var storage = new MemoryStorage();
        var client = new DialogTestClient(Channels.Test, new BookingDialog(), conversationState: new ConversationState(storage));

        await client.SendActivityAsync<Activity>("hi");

        Assert.Single(await storage.ReadAsync(["test/conversations/convo1"]));
    }

    [Fact]
    public async Task Client_passes_initial_options_and_runs_extra_middleware()
    {
        var seen = new List<string?>();
        var client = new DialogTestClient(
            Channels.Test,
            new BookingDialog(),
            new BookingDetails { Name = "Cy" },
            [new RecordingMiddleware(seen)]);

        var reply = await client.SendActivityAsync<Activity>("hi");

        Assert.Equal("How many seats?", reply!.Text);
        Assert.Equal(["hi"], seen);
    }

    private sealed class RecordingMiddleware(List<string?> seen) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            seen.Add(turnContext.Activity.Text);
            return next(cancellationToken);
        }
    }
}
