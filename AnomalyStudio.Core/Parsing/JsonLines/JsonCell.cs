namespace AnomalyStudio.Core.Parsing.JsonLines;

/// <summary>One flattened value of a JSON object; <see cref="Nested"/> when its key was built from a nested object's path.</summary>
public readonly record struct JsonCell(string Key, string Value, bool Nested);
