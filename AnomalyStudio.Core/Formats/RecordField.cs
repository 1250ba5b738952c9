namespace AnomalyStudio.Core.Formats;

/// <summary>A named value of a record, for the record drawer and exports.</summary>
public sealed record RecordField(string Name, string Value);
