namespace AnomalyStudio.Core.Formats;

/// <summary>The stages of reading an input that a format reports; the pipeline names them among its own stages.</summary>
public enum PreparationStage
{
    Parsing,
    Features,
}
