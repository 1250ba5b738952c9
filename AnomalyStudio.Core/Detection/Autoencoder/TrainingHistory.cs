namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>
/// How an autoencoder fit went: the mean training loss and the held-out loss of every epoch run (the training
/// loss again when no rows could be held out), and the 1-based epoch with the lowest held-out loss, whose
/// weights the model keeps.
/// </summary>
public sealed record TrainingHistory(IReadOnlyList<double> Losses, IReadOnlyList<double> ValidationLosses, int BestEpoch);
