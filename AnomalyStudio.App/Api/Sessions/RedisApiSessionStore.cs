using System.Buffers.Text;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using AnomalyStudio.App.Admission;
using AnomalyStudio.App.Configuration;
using AnomalyStudio.App.Scaling;
using AnomalyStudio.App.State;
using AnomalyStudio.Core;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AnomalyStudio.App.Api.Sessions;

/// <summary>
/// Cookie sessions shared by every server through Redis, so a session created on one server is read, replaced and
/// cleared on any other, and survives the loss of the server that scored it.
/// <para>
/// Redis keeps, per session, what <c>GET /api/session</c> answers (file, model, a version counting uploads) and the
/// upload itself, compressed: a result is tens of times larger than its input, and the pipeline is deterministic, so a
/// server that does not hold the latest result scores the stored upload again and gets it bit for bit, under its own
/// detection gate, session cap and result budget. Both keys expire after <see cref="IdleTimeout"/> without use (each use
/// renews them), and a sorted set of last uses bounds the sessions of all servers together by <see cref="Capacity"/>.
/// Keys are named by a SHA-256 digest of the cookie's value, never by the value itself.
/// </para>
/// </summary>
public sealed class RedisApiSessionStore(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    DetectionAdmission admission,
    IOptions<AnomalyStudioOptions> options,
    TimeProvider clock,
    ILogger<RedisApiSessionStore> logger) : IApiSessionStore
{
    // Drops index entries idle past the timeout, then adds the new session if there is room: one step, so two servers
    // creating sessions at once cannot together pass the cap. -1 for a key that exists (256 random bits do not collide,
    // but a key is never reused).
    private const string CreateScript = """
        if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
        redis.call('HSET', KEYS[2], 'version', 0)
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return 1
        """;

    private const string HasRoomScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then return 1 end
        return 0
        """;

    // Marks the session used (renewing both keys' lifetime) and answers what it holds; nil when it expired or was cleared.
    private const string TouchScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then
            redis.call('ZREM', KEYS[3], ARGV[3])
            return false
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
        redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
        return redis.call('HMGET', KEYS[1], 'version', 'file', 'model')
        """;

    // Replaces what the session holds, only while it lives, and marks it used; answers the new version, or 0 when the session is gone.
    private const string StoreScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
        redis.call('HSET', KEYS[1], 'file', ARGV[1], 'model', ARGV[2], 'requested', ARGV[3], 'input', ARGV[8], 'log', ARGV[9])
        redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        redis.call('ZADD', KEYS[3], ARGV[6], ARGV[7])
        return version
        """;

    /// <summary>This server's copies of sessions: the result it holds (if any) and its version.</summary>
    private readonly ConcurrentDictionary<string, ApiSession> _local = new(StringComparer.Ordinal);

    /// <summary>One load at a time per session, so concurrent reads on this server score a stored upload once.</summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _loading = new(StringComparer.Ordinal);

    private IDatabase Database => redis.AvailableDatabase(); // fails at once while Redis is unreachable

    public TimeSpan IdleTimeout => TimeSpan.FromSeconds(options.Value.SessionIdleTimeoutSeconds);

    public int Capacity => options.Value.MaxApiSessions;

    private long IdleMilliseconds => (long)IdleTimeout.TotalMilliseconds;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<bool> HasRoomAsync(CancellationToken cancellationToken)
    {
        var room = await Database.ScriptEvaluateAsync(HasRoomScript, [keys.SessionIndex], [Now, IdleMilliseconds, Capacity]);
        return (long)room == 1;
    }

    public async Task<ApiSession?> CreateAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var id = ApiSessionStore.NewId();
            var digest = Digest(id);
            var created = (long)await Database.ScriptEvaluateAsync(CreateScript, [keys.SessionIndex, keys.Session(digest)], [Now, IdleMilliseconds, Capacity, digest]);
            if (created == -1)
            {
                continue;
            }

            if (created != 1)
            {
                return null;
            }

            var session = new ApiSession(id, clock.GetUtcNow());
            _local[id] = session;
            return session;
        }
    }

    public async Task<ApiSession?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return null;
        }

        var digest = Digest(id);
        var held = await Database.ScriptEvaluateAsync(TouchScript, [keys.Session(digest), keys.SessionInput(digest), keys.SessionIndex], [IdleMilliseconds, Now, digest]);
        if (held.IsNull)
        {
            Forget(id);
            return null;
        }

        var fields = (RedisValue[])held!;
        var session = Local(id);
        var version = (long)fields[0];
        session.Describe(version == 0 ? null : new ApiSessionDescription(fields[1]!, fields[2]!, version));
        return session;
    }

    public async Task<bool> StoreAsync(ApiSession session, ApiSessionState state, Func<Stream> input, CancellationToken cancellationToken)
    {
        var digest = Digest(session.Id);
        var compressed = await CompressAsync(input, cancellationToken);
        var version = (long)await Database.ScriptEvaluateAsync(
            StoreScript,
            [keys.Session(digest), keys.SessionInput(digest), keys.SessionIndex],
            [state.FileName, state.Model, state.RequestedModel, compressed, IdleMilliseconds, Now, digest, state.InputFormat, state.LogFormat]);
        if (version == 0)
        {
            Forget(session.Id);
            return false;
        }

        return Local(session.Id).TryReplace(state, clock.GetUtcNow(), version);
    }

    public async Task<ApiSessionResult> LoadResultAsync(ApiSession session, CancellationToken cancellationToken)
    {
        if (session.Description is not { } described)
        {
            return ApiSessionResult.None;
        }

        if (session.State is { } state && session.StateVersion == described.Version)
        {
            return new ApiSessionResult(state.Result);
        }

        var loading = _loading.GetOrAdd(session.Id, _ => new SemaphoreSlim(1, 1));
        await loading.WaitAsync(cancellationToken);
        try
        {
            // A concurrent read may have loaded it while this one waited.
            return session.State is { } loaded && session.StateVersion == described.Version
                ? new ApiSessionResult(loaded.Result)
                : await ScoreStoredUploadAsync(session, cancellationToken);
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Another server scored this version: scores its stored upload here, exactly as it was scored there.</summary>
    private async Task<ApiSessionResult> ScoreStoredUploadAsync(ApiSession session, CancellationToken cancellationToken)
    {
        // The upload and what it is read in one step, so a replacement on another server cannot fall between them.
        var digest = Digest(session.Id);
        var read = Database.CreateTransaction();
        var storedTask = read.StringGetAsync(keys.SessionInput(digest));
        var fieldsTask = read.HashGetAsync(keys.Session(digest), ["version", "file", "model", "requested", "input", "log"]);
        await read.ExecuteAsync();
        var (stored, fields) = (await storedTask, await fieldsTask);
        if (stored.IsNull || !fields[0].TryParse(out long version) || version == 0)
        {
            return ApiSessionResult.None; // cleared or expired meanwhile
        }

        var described = new ApiSessionDescription(fields[1]!, fields[2]!, version);
        var requested = fields[3].ToString();
        var (inputFormat, logFormat) = (fields[4].ToString(), fields[5].ToString());
        var bytes = (byte[])stored!;
        AdmissionOutcome admitted;
        try
        {
            admitted = await admission.RunForSessionAsync(
                () => new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress),
                ApiSessionRequest.For(described.FileName, requested, admission.Pipeline.Formats.Choose(inputFormat, logFormat)),
                () => session.State?.Memory,
                null,
                null,
                cancellationToken);
        }
        catch (InvalidInputException ex)
        {
            // It was scored once, so this means another version of the app, with other limits, scored it first.
            logger.LogWarning("The stored upload of a session could not be scored again: {Message}", ex.Message);
            return ApiSessionResult.None;
        }

        if (admitted is not { Result: { } result, Memory: { } memory })
        {
            return new ApiSessionResult(null, admitted.Refusal, admitted.Message, admitted.RetryAfterSeconds);
        }

        var loaded = new ApiSessionState(described.FileName, described.Model, result, memory, requested, inputFormat, logFormat);
        if (!session.TryReplace(loaded, clock.GetUtcNow(), described.Version))
        {
            memory.Dispose();
            return ApiSessionResult.None;
        }

        logger.LogInformation("Scored the stored upload of a session again on this server ({Records} records of {File}, version {Version})",
            result.Summary.Total, described.FileName, described.Version);
        return new ApiSessionResult(result);
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return;
        }

        var digest = Digest(id);
        var batch = Database.CreateBatch();
        var removed = Task.WhenAll(
            batch.KeyDeleteAsync([keys.Session(digest), keys.SessionInput(digest)]),
            batch.SortedSetRemoveAsync(keys.SessionIndex, digest));
        batch.Execute();
        await removed;
        Forget(id);
    }

    /// <summary>
    /// Releases the results this server holds for sessions idle here longer than the timeout, or gone from Redis (cleared
    /// or expired, on any server); Redis itself expires the sessions' keys.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var released = 0;
        foreach (var (id, session) in _local)
        {
            if (session.TryExpire(now, IdleTimeout) || !await Database.KeyExistsAsync(keys.Session(Digest(id))))
            {
                if (_local.TryRemove(new KeyValuePair<string, ApiSession>(id, session)))
                {
                    _loading.TryRemove(id, out _);
                    session.Release();
                    released++;
                }
            }
        }

        await Database.SortedSetRemoveRangeByScoreAsync(keys.SessionIndex, double.NegativeInfinity, Now - IdleMilliseconds);
        return released;
    }

    /// <summary>This server's copy of the session, marked used now (a copy released here for idleness is replaced by a fresh one).</summary>
    private ApiSession Local(string id)
    {
        while (true)
        {
            var session = _local.GetOrAdd(id, key => new ApiSession(key, clock.GetUtcNow()));
            if (session.TryTouch(clock.GetUtcNow(), IdleTimeout))
            {
                return session;
            }

            _local.TryRemove(new KeyValuePair<string, ApiSession>(id, session));
        }
    }

    private void Forget(string id)
    {
        _loading.TryRemove(id, out _);
        if (_local.TryRemove(id, out var session))
        {
            session.Release();
        }
    }

    /// <summary>The upload, gzip-compressed at the fastest level: logs shrink about tenfold, at hundreds of MB/s.</summary>
    private static async Task<byte[]> CompressAsync(Func<Stream> input, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var source = input())
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await source.CopyToAsync(gzip, 1 << 16, cancellationToken);
        }

        return buffer.ToArray();
    }

    /// <summary>The key's name for a session: base64url of the SHA-256 of its cookie value.</summary>
    private static string Digest(string id) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(id)));
}
