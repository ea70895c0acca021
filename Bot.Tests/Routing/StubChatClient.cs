using Microsoft.Extensions.AI;

namespace Bot.Tests.Routing;

/// <summary>An <see cref="IChatClient"/> whose answer a test scripts: text, a delay, or an error. Records what it was asked.</summary>
public sealed class StubChatClient(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<string>> answer) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public static StubChatClient Answering(string json) => new((_, _) => Task.FromResult(json));

    public static StubChatClient Failing() => new((_, _) => throw new HttpRequestException("503 from the model"));

    public static StubChatClient Slow(TimeSpan delay, string json) => new(async (_, cancellationToken) =>
    {
        await Task.Delay(delay, cancellationToken);
        return json;
    });

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add(list);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await answer(list, cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
