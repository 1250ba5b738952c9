using AnomalyStudio.Core;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Detection.Autoencoder;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Detection;

public sealed class AutoencoderTests
{
    private static readonly Lazy<FeatureMatrix> Cardio = new(() => TestData.NumericFeatures(TestData.ReadTabular("cardio")));

    [Fact]
    public void Training_lowers_the_loss_and_reports_every_epoch()
    {
        var progress = new List<TrainingProgress>();
        var detector = new AutoencoderDetector(new AutoencoderOptions { Epochs = 12, Patience = 12, Seed = 1 });

        var model = (AutoencoderModel)detector.Fit(Cardio.Value, new SyncProgress<TrainingProgress>(progress.Add));

        Assert.Equal(Enumerable.Range(1, 12), progress.Select(p => p.Step));
        Assert.All(progress, p => Assert.Equal(12, p.Steps));
        Assert.Equal(model.Losses, progress.Select(p => p.Loss!.Value));
        // Weight decay keeps the weights small, so the loss falls by a quarter rather than to nothing.
        Assert.True(model.Losses[^1] < model.Losses[0] * 0.85, $"loss {model.Losses[0]} -> {model.Losses[^1]}");
        var history = model.History;
        Assert.True(history.ValidationLosses[history.BestEpoch - 1] < history.ValidationLosses[0], "the kept epoch is better on held-out rows than the first");
    }

    [Fact]
    public void Stops_when_the_held_out_loss_has_not_improved_for_the_patience_and_keeps_the_best_epoch()
    {
        var progress = new List<TrainingProgress>();
        var detector = new AutoencoderDetector(new AutoencoderOptions { Epochs = 400, Patience = 3, Seed = 1 });

        var model = (AutoencoderModel)detector.Fit(Cardio.Value, new SyncProgress<TrainingProgress>(progress.Add));

        var history = model.History;
        Assert.True(history.Losses.Count < 400, $"ran all {history.Losses.Count} epochs");
        Assert.Equal(history.Losses.Count, history.BestEpoch + 3);
        Assert.Equal(history.ValidationLosses.Min(), history.ValidationLosses[history.BestEpoch - 1]);
        Assert.Equal(progress[^1].Step, progress[^1].Steps); // the last report says the fit is complete
    }

    [Fact]
    public void The_same_data_and_seed_give_bit_identical_weights()
    {
        var options = new AutoencoderOptions { Epochs = 3, Seed = 9, MaxTrainingRows = 1_000 };
        var first = (AutoencoderModel)new AutoencoderDetector(options).Fit(Cardio.Value);
        var second = (AutoencoderModel)new AutoencoderDetector(options).Fit(Cardio.Value);

        var a = first.ExportParameters();
        var b = second.ExportParameters();
        Assert.Equal(a.Length, b.Length);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i].Select(BitConverter.SingleToInt32Bits), b[i].Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void A_rows_score_does_not_depend_on_the_rows_batched_with_it()
    {
        var features = Cardio.Value;
        var model = new AutoencoderDetector(new AutoencoderOptions { Epochs = 2, Seed = 2 }).Fit(features);
        var all = model.Score(features);

        int[] rows = [1_830, 0, 917, 44];
        var alone = rows.Select(r => model.Score(features.Select([r]))[0]);

        Assert.Equal(rows.Select(r => all[r]), alone);
    }

    [Fact]
    public void Names_each_features_reconstruction_error()
    {
        var features = Cardio.Value;
        var model = new AutoencoderDetector(new AutoencoderOptions { Epochs = 2, Seed = 2 }).Fit(features);
        var errors = ((IFeatureErrors)model).FeatureErrors(features, [3, 10]);
        var scores = model.Score(features);

        Assert.Equal(2 * features.Columns, errors.Length);
        // The score is the mean of the per-feature errors.
        Assert.Equal(scores[3], errors.Take(features.Columns).Average(), 6);
        Assert.Equal(scores[10], errors.Skip(features.Columns).Average(), 6);
    }

    [Fact]
    public void Caps_the_training_rows()
    {
        var model = (AutoencoderModel)new AutoencoderDetector(new AutoencoderOptions { Epochs = 1, MaxTrainingRows = 100 }).Fit(Cardio.Value);

        Assert.Single(model.Losses);
        Assert.Equal(Cardio.Value.Columns, model.Scaler.Center.Length);
    }

    [Fact]
    public void An_unavailable_libtorch_is_refused_with_its_reason()
    {
        var detector = new AutoencoderDetector(new AutoencoderOptions(), () => DetectorAvailability.Unavailable("libtorch (TorchSharp's native library) could not be loaded: GLIBCXX_3.4.32 not found."));

        Assert.False(detector.Availability.IsAvailable);
        var error = Assert.Throws<InvalidInputException>(() => detector.Fit(Cardio.Value));
        Assert.Contains("GLIBCXX_3.4.32", error.Message);
    }

    [Fact]
    public void Explains_a_missing_glibcxx_with_the_fix()
    {
        var error = new TypeInitializationException("TorchSharp.torch", new DllNotFoundException(
            "Unable to load shared library 'LibTorchSharp': /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found"));

        var reason = LibTorch.Describe(error);

        Assert.Contains("GLIBCXX_3.4.32", reason);
        Assert.Contains("scripts/setup.sh", reason);
    }

    [Fact]
    public void Says_the_dynamic_loaders_reason_in_one_line_with_the_library_the_symbol_and_the_fix()
    {
        // What dlopen says on Debian 12 before set-up, as NativeLibrary.Load reports it.
        var error = new DllNotFoundException(
            "Unable to load shared library '/app/runtimes/linux-x64/native/libLibTorchSharp.so' or one of its dependencies. In order to help diagnose loading problems, "
            + "consider using a tool like strace. If you're using glibc, consider setting the LD_DEBUG environment variable: \n"
            + "/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by /app/runtimes/linux-x64/native/libLibTorchSharp.so)\n");

        var reason = LibTorch.Describe(error);

        Assert.Equal(
            "libtorch cannot load: libLibTorchSharp.so needs GLIBCXX_3.4.32 (GCC 13's libstdc++), which this system's libstdc++ lacks; "
            + "run scripts/setup.sh, which installs libstdc++6 from Debian trixie",
            reason);
    }

    [Fact]
    public void Libtorch_loads_on_this_machine_after_set_up() =>
        Assert.True(LibTorch.Availability.IsAvailable, LibTorch.Availability.Reason);
}
