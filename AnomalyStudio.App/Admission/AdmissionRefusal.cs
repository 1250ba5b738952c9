namespace AnomalyStudio.App.Admission;

/// <summary>Why <see cref="DetectionAdmission"/> did not give a result: each door has its own answer for each (HTTP 503, 413, a message in the page).</summary>
public enum AdmissionRefusal
{
    /// <summary>Every detection slot and queue place of the server is taken.</summary>
    Busy,

    /// <summary>The result is larger than one session may keep (<see cref="Configuration.AnomalyStudioOptions.MaxSessionResultBytes"/>).</summary>
    TooLarge,

    /// <summary>The result does not fit in what is left of the server's result budget.</summary>
    ServerFull,
}
