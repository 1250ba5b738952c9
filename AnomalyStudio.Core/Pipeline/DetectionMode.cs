namespace AnomalyStudio.Core.Pipeline;

/// <summary>Where the model comes from.</summary>
public enum DetectionMode
{
    /// <summary>A model trained once on generated samples and kept in the model store (the default).</summary>
    Pretrained,

    /// <summary>A model trained on the uploaded file itself.</summary>
    Fit,
}
