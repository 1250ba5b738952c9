using AnomalyStudio.App.Admission;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Api.Sessions;

/// <summary>What a session holds after an upload: the file's name, the model as the caller named it, and the result.</summary>
/// <param name="FileName">The uploaded file's display name.</param>
/// <param name="Model">The model's name as every output spells it (<c>isolation-forest</c>, <c>autoencoder</c>).</param>
/// <param name="Result">The detection, shared read-only with anything that reads the session.</param>
/// <param name="Memory">The result's share of the server's result budget, given back when the session drops the result.</param>
/// <param name="RequestedModel">The model field as the caller sent it (empty for the default), so the upload can be scored again the same way.</param>
/// <param name="InputFormat">The inputFormat field as the caller sent it (empty: detected), for the same reason.</param>
/// <param name="LogFormat">The logFormat field as the caller sent it (empty: none), for the same reason.</param>
public sealed record ApiSessionState(
    string FileName, string Model, DetectionResult Result, ResultReservation? Memory = null, string RequestedModel = "", string InputFormat = "", string LogFormat = "");
