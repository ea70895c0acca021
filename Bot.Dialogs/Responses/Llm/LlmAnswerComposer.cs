using System.Security.Cryptography;
using Bot.Dialogs.Agents;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Responses.Llm;

/// <summary>
/// Grounded generation: the model answers from the retrieved passages only (<see cref="GroundedPrompt"/>), citing
/// them, within <see cref="LlmOptions.Timeout"/>. A timeout, an error, or an answer <see cref="AnswerGuard"/> rejects
/// gives the extractive answer instead, so the customer always gets one.
/// </summary>
public sealed class LlmAnswerComposer(
    IChatClient chat,
    ExtractiveAnswerComposer extractive,
    IOptions<LlmOptions> options,
    IOptions<BotOptions> botOptions,
    ILogger<LlmAnswerComposer> logger) : IAnswerComposer
{
    /// <inheritdoc/>
    public bool IsGenerative => true;

    /// <inheritdoc/>
    public async Task<ComposedAnswer> ComposeAsync(string question, Evidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Hits.Count == 0)
        {
            return await extractive.ComposeAsync(question, evidence, cancellationToken);
        }
        var settings = options.Value;
        var passages = evidence.Hits.Take(settings.MaxPassages).ToList();
        var canary = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var messages = GroundedPrompt.Build(botOptions.Value.Name, question, passages, canary);

        string? text;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            var response = await chat.GetResponseAsync(
                messages,
                new ChatOptions { Temperature = settings.Temperature, MaxOutputTokens = settings.MaxOutputTokens },
                timeout.Token);
            text = response.Text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The language model did not answer within {Timeout}; sending the extractive answer", settings.Timeout);
            return await extractive.ComposeAsync(question, evidence, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The language model failed; sending the extractive answer");
            return await extractive.ComposeAsync(question, evidence, cancellationToken);
        }

        if (AnswerGuard.Reject(text, passages, canary) is { } reason)
        {
            logger.LogWarning("The generated answer was rejected ({Reason}); sending the extractive answer", reason);
            return await extractive.ComposeAsync(question, evidence, cancellationToken);
        }
        var answer = AnswerGuard.Clip(text!);
        var cited = AnswerGuard.Citations(answer, passages.Count).Select(i => passages[i]).ToList();
        if (cited.Count == 0)
        {
            cited.Add(passages[0]);
        }
        return new ComposedAnswer(answer, AnswerSources.Llm, cited.DistinctBy(p => p.DocumentId).ToList())
        {
            ChunkIds = cited.Select(p => p.ChunkId).ToList(),
        };
    }
}
