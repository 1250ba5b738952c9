using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Entities;

/// <summary>
/// What one entity did, in counts: the raw measures its features and its explanation are made from. For an access
/// log a target is a URI and an error a 4xx/5xx status; for a table a target is a value of its main text or category
/// column and an error a WARN (client) or ERROR-and-above (server) level.
/// </summary>
public sealed record EntityProfile
{
    public required string Key { get; init; }

    public required int Records { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Distinct minutes with at least one record.</summary>
    public int ActiveMinutes { get; init; }

    /// <summary>The most records in one minute.</summary>
    public int PeakPerMinute { get; init; }

    public int DistinctTargets { get; init; }

    /// <summary>The target it asked for most, and how often.</summary>
    public string? TopTarget { get; init; }

    public int TopTargetCount { get; init; }

    /// <summary>4xx responses (tables: WARN rows).</summary>
    public int ClientErrors { get; init; }

    /// <summary>5xx responses (tables: ERROR, FATAL … rows).</summary>
    public int ServerErrors { get; init; }

    /// <summary>401 and 403 responses: refused credentials.</summary>
    public int AuthFailures { get; init; }

    /// <summary>The most frequent error status (0 when none), and how often.</summary>
    public int TopErrorStatus { get; init; }

    public int TopErrorCount { get; init; }

    public int Posts { get; init; }

    /// <summary>Records whose URI or text carries attack-payload tokens or an attack signature.</summary>
    public int PayloadRecords { get; init; }

    public long Bytes { get; init; }

    /// <summary>The kind of user agent most of its requests sent.</summary>
    public UserAgentKind Agent { get; init; } = UserAgentKind.NotLogged;

    public int ScannerRecords { get; init; }

    public int ScriptRecords { get; init; }

    public int EmptyAgentRecords { get; init; }

    /// <summary>The scanner or scripting tool its user agent names ("nikto", "curl").</summary>
    public string? Tool { get; init; }

    /// <summary>Records the record-level model found anomalous (used as a feature for tables only).</summary>
    public int AnomalousRecords { get; init; }

    /// <summary>From the first to the last record.</summary>
    public TimeSpan Span => FirstSeen is { } first && LastSeen is { } last ? last - first : TimeSpan.Zero;

    public double Share(int count) => Records == 0 ? 0 : (double)count / Records;
}
