namespace AnomalyStudio.App.Cli.Quality;

/// <summary>Where a quality set's files sit.</summary>
public enum QualityFolder
{
    /// <summary>The shared data folder (<c>--data</c>, <c>ANOMALYSTUDIO_SHARED_DATA</c>, or <c>../shared/data</c>).</summary>
    SharedData,

    /// <summary>The project's samples folder (<c>--samples</c>).</summary>
    Samples,
}
