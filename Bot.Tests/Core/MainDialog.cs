using Bot.Core.Dialogs;

namespace Bot.Tests.Core;

/// <summary>A root component whose waterfall runs <see cref="BookingDialog"/> and reports its result.</summary>
internal sealed class MainDialog : ComponentDialog
{
    public MainDialog()
        : base(nameof(MainDialog))
    {
        AddDialog(new WaterfallDialog("main", [BookStepAsync, FinalStepAsync]));
        AddDialog(new BookingDialog());
    }

    private static Task<DialogTurnResult> BookStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken) =>
        stepContext.BeginDialogAsync(nameof(BookingDialog), stepContext.Options, cancellationToken);

    private static async Task<DialogTurnResult> FinalStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var message = stepContext.Result is BookingDetails details
            ? $"Booked {details.Seats} seats for {details.Name}."
            : "Booking cancelled.";
        await stepContext.Context.SendActivityAsync(message, cancellationToken: cancellationToken);
        return await stepContext.EndDialogAsync(stepContext.Result, cancellationToken);
    }
}
