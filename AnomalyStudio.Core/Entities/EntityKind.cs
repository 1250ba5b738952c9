namespace AnomalyStudio.Core.Entities;

/// <summary>What an entity is: who sent a group of records.</summary>
public enum EntityKind
{
    /// <summary>An access log's client IP.</summary>
    Client,

    /// <summary>An access log's client IP together with its user agent (one browser or tool on one address).</summary>
    Session,

    /// <summary>A table's identifier column (host, user, IP …), detected or chosen.</summary>
    Identifier,
}
