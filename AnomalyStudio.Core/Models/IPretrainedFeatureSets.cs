using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Models;

/// <summary>
/// The feature sets that have a pretrained model, and how each one's generated training data becomes features. The
/// input formats declare the sets and read the data (the format catalog implements this), so the trainer and the model
/// store ask for them without knowing any format.
/// </summary>
public interface IPretrainedFeatureSets
{
    /// <summary>The distinct pretrained feature sets, in registration order.</summary>
    IReadOnlyList<PretrainedFeatures> Pretrained { get; }

    /// <summary>The pretrained feature set of <paramref name="kind"/>; a kind none has is a programming error.</summary>
    PretrainedFeatures PretrainedOf(FeatureKind kind);

    /// <summary>Generates the set's training data and reads it into features the way an upload of it would be read.</summary>
    FeatureMatrix TrainingMatrix(PretrainedFeatures features, ParseLimits limits, CancellationToken cancellationToken = default);
}
