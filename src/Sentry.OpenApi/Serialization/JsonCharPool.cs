using System.Buffers;
using Newtonsoft.Json;

namespace Sentry.OpenApi.Serialization;

/// <summary>
/// Newtonsoft's <see cref="IArrayPool{T}"/> over <see cref="ArrayPool{T}.Shared"/>: a <see cref="JsonTextReader"/> given
/// it rents its character buffer (1 KiB and up, grown for long strings) instead of allocating one per response,
/// and returns it when the reader is closed.
/// </summary>
internal sealed class JsonCharPool : IArrayPool<char>
{
    public static readonly JsonCharPool Shared = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
