using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.App.Api.Uploads;

/// <summary>
/// A read-only view of a request body that refuses to read past a byte limit, with the exception Kestrel throws
/// for its own limit (<see cref="BadHttpRequestException"/>, status 413). It is the server-independent half of
/// the upload limit: a chunked upload has no Content-Length to check in advance, and not every server (the test
/// server, a server behind some proxies) enforces <c>IHttpMaxRequestBodySizeFeature</c>, so the bytes actually
/// read are counted here.
/// </summary>
public sealed class UploadLimitStream(Stream inner, long limit) : ReadOnlyForwardStream
{
    private long _read;

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new BadHttpRequestException($"The request body is larger than {limit:N0} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        return read;
    }
}
