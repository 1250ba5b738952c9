using TorchSharp;
using static TorchSharp.torch;

namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) over a module's parameters, with every scalar it passes to libtorch created and
/// disposed here. TorchSharp's own optimisers convert doubles to native scalars implicitly and leave them to
/// the finalizer, which can free one while another thread's garbage collection interrupts the native call
/// still using it; on a busy server that showed up as "Expected false to be true" from c10::Scalar::toDouble.
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;

    private readonly double _learningRate;
    private readonly Scalar? _decay;
    private readonly List<Tensor> _parameters;
    private readonly List<Tensor> _firstMoments;
    private readonly List<Tensor> _secondMoments;
    private readonly Scalar _beta1 = Beta1.ToScalar();
    private readonly Scalar _beta2 = Beta2.ToScalar();
    private readonly Scalar _oneMinusBeta1 = (1 - Beta1).ToScalar();
    private readonly Scalar _oneMinusBeta2 = (1 - Beta2).ToScalar();
    private readonly Scalar _epsilon = Epsilon.ToScalar();
    private int _step;

    /// <param name="weightDecay">Decoupled weight decay (AdamW, Loshchilov &amp; Hutter 2019): each step shrinks the weights by learningRate × weightDecay of themselves.</param>
    public AdamOptimizer(IEnumerable<Tensor> parameters, double learningRate, double weightDecay = 0)
    {
        _learningRate = learningRate;
        _decay = weightDecay > 0 ? (1 - (learningRate * weightDecay)).ToScalar() : null;
        _parameters = parameters.ToList();
        _firstMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToList();
        _secondMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToList();
    }

    /// <summary>One update from the gradients of the last backward pass; call inside a dispose scope.</summary>
    public void Step()
    {
        _step++;
        var biasCorrection1 = 1 - Math.Pow(Beta1, _step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, _step);
        using var stepSize = (-_learningRate / biasCorrection1).ToScalar();
        using var rootCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Count; i++)
        {
            var gradient = _parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }

            if (_decay is not null)
            {
                _parameters[i].mul_(_decay);
            }

            _firstMoments[i].mul_(_beta1).add_(gradient, _oneMinusBeta1);
            _secondMoments[i].mul_(_beta2).addcmul_(gradient, gradient, _oneMinusBeta2);
            var denominator = _secondMoments[i].sqrt().div_(rootCorrection2).add_(_epsilon);
            _parameters[i].addcdiv_(_firstMoments[i], denominator, stepSize);
        }
    }

    public void Dispose()
    {
        foreach (var tensor in _firstMoments.Concat(_secondMoments))
        {
            tensor.Dispose();
        }

        _beta1.Dispose();
        _beta2.Dispose();
        _oneMinusBeta1.Dispose();
        _oneMinusBeta2.Dispose();
        _epsilon.Dispose();
        _decay?.Dispose();
    }
}
