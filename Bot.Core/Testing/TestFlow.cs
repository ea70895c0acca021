using Bot.Core.Schema;

namespace Bot.Core.Testing;

/// <summary>
/// A scripted conversation: an immutable chain of sends and reply assertions, run by <see cref="StartTestAsync"/>.
/// A failed assertion throws <see cref="TestFlowAssertionException"/>; a reply that never comes throws <see cref="TimeoutException"/>.
/// </summary>
public sealed class TestFlow
{
    private readonly TestAdapter _adapter;
    private readonly BotCallbackHandler _callback;
    private readonly Func<Task> _testTask;

    public TestFlow(TestAdapter adapter, BotCallbackHandler callback)
        : this(adapter, callback, () => Task.CompletedTask)
    {
    }

    public TestFlow(TestAdapter adapter, IBot bot)
        : this(adapter, (bot ?? throw new ArgumentNullException(nameof(bot))).OnTurnAsync)
    {
    }

    private TestFlow(TestAdapter adapter, BotCallbackHandler callback, Func<Task> testTask)
    {
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _callback = callback ?? throw new ArgumentNullException(nameof(callback));
        _testTask = testTask;
    }

    /// <summary>Runs the whole chain.</summary>
    public Task StartTestAsync() => _testTask();

    public TestFlow Send(string userSays)
    {
        ArgumentNullException.ThrowIfNull(userSays);
        return Then(() => _adapter.SendTextToBotAsync(userSays, _callback));
    }

    public TestFlow Send(Activity userActivity)
    {
        ArgumentNullException.ThrowIfNull(userActivity);
        return Then(() => _adapter.ProcessActivityAsync(userActivity, _callback));
    }

    /// <summary>Sends a conversationUpdate that adds the test user.</summary>
    public TestFlow SendConversationUpdate() => Then(() =>
    {
        var update = Activity.CreateConversationUpdateActivity();
        update.MembersAdded!.Add(_adapter.Conversation.User!);
        return _adapter.ProcessActivityAsync(update, _callback);
    });

    public TestFlow Delay(uint ms) => Then(() => Task.Delay(TimeSpan.FromMilliseconds(ms)));

    public TestFlow Delay(TimeSpan timespan) => Then(() => Task.Delay(timespan));

    /// <summary>Asserts that the next reply is a message whose trimmed text equals <paramref name="expected"/>.</summary>
    public TestFlow AssertReply(string expected, string? description = null, uint timeout = 3000) =>
        AssertReply(_adapter.MakeActivity(expected), description ?? expected, timeout);

    /// <summary>Asserts that the next reply has the type and trimmed text of <paramref name="expected"/>.</summary>
    public TestFlow AssertReply(Activity expected, string? description = null, uint timeout = 3000)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return AssertReply(
            reply =>
            {
                var prefix = description == null ? string.Empty : $"{description}: ";
                if (expected.Type != reply.Type)
                {
                    throw new TestFlowAssertionException($"{prefix}expected a reply of type '{expected.Type}' but received '{reply.Type}' (text '{reply.Text}').");
                }

                if (!string.Equals(expected.Text?.Trim(), reply.Text?.Trim(), StringComparison.Ordinal))
                {
                    throw new TestFlowAssertionException($"{prefix}expected text '{expected.Text}' but received '{reply.Text}'.");
                }
            },
            description ?? expected.Text,
            timeout);
    }

    /// <summary>Runs <paramref name="validateActivity"/> on the next reply; it throws to fail the test.</summary>
    public TestFlow AssertReply(Action<Activity> validateActivity, string? description = null, uint timeout = 3000)
    {
        ArgumentNullException.ThrowIfNull(validateActivity);
        return Then(async () => validateActivity(await WaitForReplyAsync(description, timeout)));
    }

    public TestFlow AssertReplyContains(string expected, string? description = null, uint timeout = 3000) =>
        AssertReply(
            reply =>
            {
                if (reply.Text == null || !reply.Text.Contains(expected, StringComparison.Ordinal))
                {
                    throw new TestFlowAssertionException(description ?? $"expected a reply containing '{expected}' but received '{reply.Text}'.");
                }
            },
            description,
            timeout);

    public TestFlow AssertReplyOneOf(string[] candidates, string? description = null, uint timeout = 3000)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return AssertReply(
            reply =>
            {
                if (!candidates.Any(c => string.Equals(c.Trim(), reply.Text?.Trim(), StringComparison.Ordinal)))
                {
                    throw new TestFlowAssertionException(description ?? $"expected one of ['{string.Join("', '", candidates)}'] but received '{reply.Text}'.");
                }
            },
            description,
            timeout);
    }

    /// <summary>Asserts that no reply arrives within <paramref name="timeout"/> milliseconds.</summary>
    public TestFlow AssertNoReply(string? description = null, uint timeout = 3000) => Then(async () =>
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            if (_adapter.GetNextReply() is { } reply)
            {
                var prefix = description == null ? string.Empty : $"{description}: ";
                throw new TestFlowAssertionException($"{prefix}expected no reply but received a '{reply.Type}' reply with text '{reply.Text}'.");
            }

            await Task.Delay(10);
        }
        while (stopwatch.ElapsedMilliseconds < timeout);
    });

    /// <summary>Sends <paramref name="userSays"/> and asserts the reply text.</summary>
    public TestFlow Test(string userSays, string expected, string? description = null, uint timeout = 3000) =>
        Send(userSays).AssertReply(expected, description, timeout);

    public TestFlow Test(string userSays, Activity expected, string? description = null, uint timeout = 3000) =>
        Send(userSays).AssertReply(expected, description, timeout);

    public TestFlow Test(string userSays, Action<Activity> validateActivity, string? description = null, uint timeout = 3000) =>
        Send(userSays).AssertReply(validateActivity, description, timeout);

    private TestFlow Then(Func<Task> step) => new(_adapter, _callback, async () =>
    {
        await _testTask();
        await step();
    });

    private async Task<Activity> WaitForReplyAsync(string? description, uint timeout)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(timeout));
        try
        {
            return (await _adapter.GetNextReplyAsync(cts.Token))!;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{timeout}ms Timed out waiting for: '{description}'");
        }
    }
}
