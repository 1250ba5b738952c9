namespace AnomalyStudio.Core.Entities;

/// <summary>
/// Which entity each record belongs to, and each entity's records in file order, stored as two flat arrays (the
/// records sorted by entity, and where each entity's run starts) rather than a list per entity. Entities are numbered
/// in order of their first record, so the numbering is the same on every run of the same file.
/// </summary>
public sealed class EntityIndex
{
    private readonly int[] _order;
    private readonly int[] _starts;

    public EntityIndex(IReadOnlyList<string> keys, int[] ofRecord)
    {
        Keys = keys;
        OfRecord = ofRecord;
        _starts = new int[keys.Count + 1];
        foreach (var entity in ofRecord)
        {
            _starts[entity + 1]++;
        }

        for (var e = 0; e < keys.Count; e++)
        {
            _starts[e + 1] += _starts[e];
        }

        // A counting sort: stable, so each entity's records stay in file order.
        _order = new int[ofRecord.Length];
        var next = _starts[..^1];
        for (var i = 0; i < ofRecord.Length; i++)
        {
            _order[next[ofRecord[i]]++] = i;
        }
    }

    /// <summary>Each entity's name as shown (an IP, "IP · agent", an identifier value).</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The entity of each record.</summary>
    public int[] OfRecord { get; }

    public int Count => Keys.Count;

    /// <summary>The records of <paramref name="entity"/>, in file order.</summary>
    public ReadOnlySpan<int> Records(int entity) => _order.AsSpan(_starts[entity], _starts[entity + 1] - _starts[entity]);

    /// <summary>The records of <paramref name="entity"/> as a list (no copy), for views that keep them.</summary>
    public ArraySegment<int> RecordList(int entity) => new(_order, _starts[entity], _starts[entity + 1] - _starts[entity]);

    public int RecordCount(int entity) => _starts[entity + 1] - _starts[entity];

    public long EstimatedBytes => (_order.Length + _starts.Length + OfRecord.Length) * 4L;
}
