using Bot.Core.Dialogs;
using Bot.Core.Schema;

namespace Bot.Core.Testing;

/// <summary>
/// Drives one dialog through a <see cref="TestAdapter"/>: each activity continues the dialog (or begins it), state is
/// saved after every turn, and the first reply is returned.
/// </summary>
public sealed class DialogTestClient
{
    private readonly TestAdapter _testAdapter;
    private readonly BotCallbackHandler _callback;

    public DialogTestClient(string channelId, Dialog targetDialog, object? initialDialogOptions = null, IEnumerable<IMiddleware>? middlewares = null, ConversationState? conversationState = null)
        : this(new TestAdapter(channelId), targetDialog, initialDialogOptions, middlewares, conversationState)
    {
    }

    public DialogTestClient(TestAdapter testAdapter, Dialog targetDialog, object? initialDialogOptions = null, IEnumerable<IMiddleware>? middlewares = null, ConversationState? conversationState = null)
    {
        ArgumentNullException.ThrowIfNull(testAdapter);
        ArgumentNullException.ThrowIfNull(targetDialog);
        ConversationState = conversationState ?? new ConversationState(new MemoryStorage());
        _testAdapter = testAdapter.Use(new AutoSaveStateMiddleware(ConversationState));
        foreach (var middleware in middlewares ?? [])
        {
            _testAdapter.Use(middleware);
        }

        var dialogState = ConversationState.CreateProperty<DialogState>("DialogState");
        _callback = CreateCallback(targetDialog, initialDialogOptions, dialogState);
    }

    /// <summary>Gets the result of the last turn.</summary>
    public DialogTurnResult? DialogTurnResult { get; private set; }

    /// <summary>Gets the dialog context of the last turn.</summary>
    public DialogContext? DialogContext { get; private set; }

    public ConversationState ConversationState { get; }

    public async Task<T?> SendActivityAsync<T>(Activity activity, CancellationToken cancellationToken = default)
        where T : class
    {
        await _testAdapter.ProcessActivityAsync(activity, _callback, cancellationToken);
        return GetNextReply<T>();
    }

    public async Task<T?> SendActivityAsync<T>(string text, CancellationToken cancellationToken = default)
        where T : class
    {
        await _testAdapter.SendTextToBotAsync(text, _callback, cancellationToken);
        return GetNextReply<T>();
    }

    /// <summary>Takes the next unread reply, or null.</summary>
    public T? GetNextReply<T>()
        where T : class => (T?)(object?)_testAdapter.GetNextReply();

    private BotCallbackHandler CreateCallback(Dialog targetDialog, object? initialDialogOptions, IStatePropertyAccessor<DialogState> dialogState) =>
        async (turnContext, cancellationToken) =>
        {
            var dialogs = new DialogSet(dialogState);
            dialogs.Add(targetDialog);
            DialogContext = await dialogs.CreateContextAsync(turnContext, cancellationToken);
            DialogTurnResult = await DialogContext.ContinueDialogAsync(cancellationToken);
            if (DialogTurnResult.Status == DialogTurnStatus.Empty)
            {
                DialogTurnResult = await DialogContext.BeginDialogAsync(targetDialog.Id, initialDialogOptions, cancellationToken);
            }
        };
}
