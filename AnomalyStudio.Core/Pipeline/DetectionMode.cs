namespace AnomalyStudio.Core.Pipeline;

/// <summary>Where the model comes from.</summary>
public enum DetectionMode
{
    /// <summary>
    /// The default: the file is its own baseline (a model fitted on it) when it has at least
    /// <see cref="PipelineOptions.MinBaselineRecords"/> records; a smaller file is scored by the pretrained model.
    /// </summary>
    Auto,

    /// <summary>A model trained once on generated samples and kept in the model store.</summary>
    Pretrained,

    /// <summary>A model trained on the uploaded file itself, whatever its size.</summary>
    Fit,
}
