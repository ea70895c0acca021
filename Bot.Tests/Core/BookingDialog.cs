using Bot.Core;
using Bot.Core.Dialogs;

namespace Bot.Tests.Core;

/// <summary>A component with a waterfall of text, validated text and confirm prompts, and a "cancel" interruption.</summary>
internal sealed class BookingDialog : ComponentDialog
{
    public BookingDialog()
        : base(nameof(BookingDialog))
    {
        AddDialog(new WaterfallDialog("booking", [AskNameStepAsync, AskSeatsStepAsync, ConfirmStepAsync, FinalStepAsync]));
        AddDialog(new TextPrompt(nameof(TextPrompt)));
        AddDialog(new TextPrompt("seats", ValidateSeatsAsync));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
        InitialDialogId = "booking";
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        if (string.Equals(innerDc.Context.Activity.Text, "cancel", StringComparison.OrdinalIgnoreCase))
        {
            await innerDc.Context.SendActivityAsync("Cancelling.", cancellationToken: cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskNameStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var details = DialogStateConvert.To<BookingDetails>(stepContext.Options);
        if (details?.Name != null)
        {
            return await stepContext.NextAsync(details.Name, cancellationToken);
        }

        return await stepContext.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = MessageFactory.Text("What is your name?") }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskSeatsStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        stepContext.Values["name"] = (string)stepContext.Result!;
        return await stepContext.PromptAsync("seats", new PromptOptions
        {
            Prompt = MessageFactory.Text("How many seats?"),
            RetryPrompt = MessageFactory.Text("Please give a number from 1 to 9."),
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        stepContext.Values["seats"] = int.Parse((string)stepContext.Result!, System.Globalization.CultureInfo.InvariantCulture);
        var name = DialogStateConvert.To<string>(stepContext.Values["name"]);
        var seats = DialogStateConvert.To<int>(stepContext.Values["seats"]);
        return await stepContext.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = MessageFactory.Text($"Book {seats} seats for {name}?") }, cancellationToken);
    }

    private static async Task<DialogTurnResult> FinalStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is not true)
        {
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        return await stepContext.EndDialogAsync(
            new BookingDetails
            {
                Name = DialogStateConvert.To<string>(stepContext.Values["name"]),
                Seats = DialogStateConvert.To<int>(stepContext.Values["seats"]),
            },
            cancellationToken);
    }

    private static Task<bool> ValidateSeatsAsync(PromptValidatorContext<string> promptContext, CancellationToken cancellationToken) =>
        Task.FromResult(int.TryParse(promptContext.Recognized.Value, out var seats) && seats is >= 1 and <= 9);
}
