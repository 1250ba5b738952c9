using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Cli;

/// <summary>Shows pipeline progress on one rewritten terminal line (stage, then epochs of a fit).</summary>
public sealed class TerminalProgress(TextWriter error) : IProgress<PipelineProgress>
{
    private readonly Lock _gate = new();
    private int _width;

    public void Report(PipelineProgress value)
    {
        lock (_gate)
        {
            var text = value.Fraction is { } f && value.Stage is PipelineStage.Training
                ? $"{value.Message} ({f:P0})"
                : value.Message;
            error.Write('\r' + text.PadRight(_width));
            _width = text.Length;
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            error.Write('\r' + new string(' ', _width) + '\r');
        }
    }
}
