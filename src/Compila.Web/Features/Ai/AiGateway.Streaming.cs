using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.AI;

namespace Compila.Web.Features.Ai;

public sealed partial class AiGateway
{
    /// <summary>
    /// Streams a completion: each text delta goes to <paramref name="onDelta"/> as it arrives. Same timeout, circuit
    /// breaker and usage logging as <see cref="CompleteAsync"/>; when the provider reports no usage, tokens are
    /// estimated at four characters each so that quotas still count the call.
    /// </summary>
    public async Task<AiCallResult> StreamAsync(AiCallContext context, AiAgentSettings settings, IList<ChatMessage> messages, Func<string, Task> onDelta, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(onDelta);
        if (breaker.IsOpen(settings.Provider.Name))
        {
            return new AiCallResult(AiCallStatus.Error, null, 0, 0, settings.Model);
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.TimeoutSeconds));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        var text = new StringBuilder();
        AiCallResult result;
        try
        {
            var chatOptions = new ChatOptions { ModelId = settings.Model, Temperature = settings.Temperature, MaxOutputTokens = settings.MaxTokens };
            long? input = null, output = null;
            string? model = null;
            await foreach (var update in Client(settings).GetStreamingResponseAsync(messages, chatOptions, deadline.Token))
            {
                model ??= update.ModelId;
                foreach (var usage in update.Contents.OfType<UsageContent>())
                {
                    input = usage.Details.InputTokenCount ?? input;
                    output = usage.Details.OutputTokenCount ?? output;
                }

                if (!string.IsNullOrEmpty(update.Text))
                {
                    text.Append(update.Text);
                    await onDelta(update.Text);
                }
            }

            var promptChars = messages.Sum(m => m.Text?.Length ?? 0);
            result = new AiCallResult(AiCallStatus.Success, text.ToString(),
                (int)(input ?? promptChars / 4), (int)(output ?? text.Length / 4), model ?? settings.Model);
            breaker.RecordSuccess(settings.Provider.Name);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            result = new AiCallResult(AiCallStatus.Timeout, null, 0, 0, settings.Model);
            breaker.RecordFailure(settings.Provider.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("AI stream {Agent}/{Action} to {Provider} failed: {Error}.", context.Agent, context.Action, settings.Provider.Name, Describe(ex));
            result = new AiCallResult(AiCallStatus.Error, null, 0, 0, settings.Model);
            breaker.RecordFailure(settings.Provider.Name);
        }

        return result with { LogId = await LogAsync(context, result.Status, result, (int)watch.ElapsedMilliseconds, ct) };
    }
}
