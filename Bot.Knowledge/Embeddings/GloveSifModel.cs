using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// GloVe word vectors with a smooth-inverse-frequency weight per word and the common component to remove, as stored
/// in the compact binary file (<c>glove-sif-100d.bin</c>). Immutable, so one instance serves all threads.
/// </summary>
/// <remarks>
/// File layout, little-endian, every section starting on an 8-byte boundary:
/// <code>
/// header (64 bytes): "GSIF", version u32, dimensions u32, words u32, element type u32 (1 float32, 2 float16),
///                    hash slots u32 (a power of two), SIF a f32, reserved u32, string chars u64, reserved to 64
/// float32[dimensions]  the common component (unit length, or zero for none)
/// float32[words]       SIF weight a / (a + p(w))
/// int32[words + 1]     offsets into the string table, in chars
/// char16[string chars] the words, lower case, UTF-16
/// int32[hash slots]    open addressing (linear probing) on FNV-1a of the word's chars: word index + 1, 0 = empty
/// float32|float16[words * dimensions] the vectors, row by row
/// </code>
/// The hash table is stored so that loading is a few large reads with no per-word work.
/// </remarks>
public sealed class GloveSifModel
{
    private const int HeaderSize = 64;
    private const uint FormatVersion = 1;
    private static readonly ConcurrentDictionary<string, Lazy<GloveSifModel>> Shared = new(StringComparer.Ordinal);

    private readonly float[] _weights;
    private readonly int[] _offsets;
    private readonly char[] _chars;
    private readonly int[] _slots;
    private readonly float[]? _vectors32;
    private readonly Half[]? _vectors16;
    private readonly float[] _commonComponent;

    private GloveSifModel(int dimensions, float sifA, float[] commonComponent, float[] weights, int[] offsets, char[] chars, int[] slots, float[]? vectors32, Half[]? vectors16)
    {
        Dimensions = dimensions;
        SifA = sifA;
        _commonComponent = commonComponent;
        _weights = weights;
        _offsets = offsets;
        _chars = chars;
        _slots = slots;
        _vectors32 = vectors32;
        _vectors16 = vectors16;
    }

    public int Dimensions { get; }

    /// <summary>The number of words.</summary>
    public int Count => _weights.Length;

    /// <summary>The SIF smoothing constant the weights were computed with.</summary>
    public float SifA { get; }

    /// <summary>How the vectors are stored.</summary>
    public GloveSifElementType ElementType => _vectors16 is null ? GloveSifElementType.Float32 : GloveSifElementType.Float16;

    /// <summary>The unit vector whose projection is removed from every sentence vector (all zeros: none).</summary>
    public ReadOnlySpan<float> CommonComponent => _commonComponent;

    /// <summary>Builds a model in memory; the vectors are <paramref name="words"/>.Count rows of <paramref name="dimensions"/>.</summary>
    public static GloveSifModel Create(
        IReadOnlyList<string> words, ReadOnlySpan<float> vectors, int dimensions, ReadOnlySpan<float> weights,
        ReadOnlySpan<float> commonComponent, float sifA, GloveSifElementType elementType = GloveSifElementType.Float16)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (vectors.Length != words.Count * dimensions || weights.Length != words.Count || commonComponent.Length != dimensions)
        {
            throw new ArgumentException("Vectors, weights and common component do not match the words and dimensions.");
        }

        var offsets = new int[words.Count + 1];
        var text = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            offsets[i] = text.Length;
            text.Append(words[i]);
        }
        offsets[words.Count] = text.Length;
        var chars = text.ToString().ToCharArray();

        var slots = new int[SlotCount(words.Count)];
        var mask = slots.Length - 1;
        for (var i = 0; i < words.Count; i++)
        {
            var slot = (int)(Hash(chars.AsSpan(offsets[i], offsets[i + 1] - offsets[i])) & (uint)mask);
            while (true)
            {
                var entry = slots[slot];
                if (entry == 0)
                {
                    slots[slot] = i + 1;
                    break;
                }
                if (chars.AsSpan(offsets[entry - 1], offsets[entry] - offsets[entry - 1]).SequenceEqual(words[i]))
                {
                    throw new ArgumentException($"The word '{words[i]}' occurs twice.", nameof(words));
                }
                slot = (slot + 1) & mask;
            }
        }

        float[]? vectors32 = null;
        Half[]? vectors16 = null;
        if (elementType == GloveSifElementType.Float16)
        {
            vectors16 = new Half[vectors.Length];
            TensorPrimitives.ConvertToHalf(vectors, vectors16);
        }
        else
        {
            vectors32 = vectors.ToArray();
        }
        return new GloveSifModel(dimensions, sifA, commonComponent.ToArray(), weights.ToArray(), offsets, chars, slots, vectors32, vectors16);
    }

    /// <summary>Loads a file once per process: later calls with the same unchanged file return the same instance.</summary>
    public static GloveSifModel LoadShared(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        var key = FormattableString.Invariant($"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
        var lazy = Shared.GetOrAdd(key, k => new Lazy<GloveSifModel>(() => Load(info.FullName), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Shared.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    public static GloveSifModel Load(string path)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The GloVe + SIF file is read on little-endian machines only.");
        }
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long position = 0;
        Span<byte> header = stackalloc byte[HeaderSize];
        ReadExactly(handle, header, ref position, path);
        if (!header[..4].SequenceEqual("GSIF"u8) || BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != FormatVersion)
        {
            throw new InvalidDataException($"'{path}' is not a GloVe + SIF file of version {FormatVersion}; run scripts/fetch-glove.sh again.");
        }
        var dimensions = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(header[8..]));
        var count = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(header[12..]));
        var elementType = (GloveSifElementType)BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        var slotCount = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(header[20..]));
        var sifA = BinaryPrimitives.ReadSingleLittleEndian(header[24..]);
        var charCount = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[32..]));
        if (dimensions < 1 || count < 0 || slotCount < 1 || (slotCount & (slotCount - 1)) != 0 || slotCount <= count
            || elementType is not (GloveSifElementType.Float32 or GloveSifElementType.Float16))
        {
            throw new InvalidDataException($"'{path}' has an invalid header.");
        }

        var commonComponent = ReadArray<float>(handle, dimensions, ref position, path);
        var weights = ReadArray<float>(handle, count, ref position, path);
        var offsets = ReadArray<int>(handle, count + 1, ref position, path);
        var chars = ReadArray<char>(handle, charCount, ref position, path);
        var slots = ReadArray<int>(handle, slotCount, ref position, path);
        var vectorLength = checked(count * dimensions);
        var vectors32 = elementType == GloveSifElementType.Float32 ? ReadArray<float>(handle, vectorLength, ref position, path) : null;
        var vectors16 = elementType == GloveSifElementType.Float16 ? ReadArray<Half>(handle, vectorLength, ref position, path) : null;
        if (offsets[0] != 0 || offsets[count] != charCount)
        {
            throw new InvalidDataException($"'{path}' has an invalid string table.");
        }
        return new GloveSifModel(dimensions, sifA, commonComponent, weights, offsets, chars, slots, vectors32, vectors16);
    }

    /// <summary>Writes the file atomically (a temporary file next to it, then a rename).</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Write(stream);
        }
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Writes the binary format to <paramref name="stream"/>.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The GloVe + SIF file is written on little-endian machines only.");
        }
        Span<byte> header = stackalloc byte[HeaderSize];
        header.Clear();
        "GSIF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)Dimensions);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)Count);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)ElementType);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)_slots.Length);
        BinaryPrimitives.WriteSingleLittleEndian(header[24..], SifA);
        BinaryPrimitives.WriteUInt64LittleEndian(header[32..], (ulong)_chars.Length);
        stream.Write(header);
        long position = HeaderSize;
        WriteArray<float>(stream, _commonComponent, ref position);
        WriteArray<float>(stream, _weights, ref position);
        WriteArray<int>(stream, _offsets, ref position);
        WriteArray<char>(stream, _chars, ref position);
        WriteArray<int>(stream, _slots, ref position);
        if (_vectors16 is not null)
        {
            WriteArray<Half>(stream, _vectors16, ref position);
        }
        else
        {
            WriteArray<float>(stream, _vectors32!, ref position);
        }
    }

    /// <summary>Finds a word (already lower case) without allocating; -1 when it is not in the vocabulary.</summary>
    public int IndexOf(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return -1;
        }
        var mask = _slots.Length - 1;
        var slot = (int)(Hash(word) & (uint)mask);
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }
            if (WordSpan(entry - 1).SequenceEqual(word))
            {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The word at <paramref name="index"/> (its frequency rank, 0 = most frequent).</summary>
    public string Word(int index) => WordSpan(index).ToString();

    /// <summary>The SIF weight of the word at <paramref name="index"/>.</summary>
    public float Weight(int index) => _weights[index];

    /// <summary>Copies the word vector at <paramref name="index"/> into <paramref name="destination"/>.</summary>
    public void CopyVector(int index, Span<float> destination)
    {
        var start = index * Dimensions;
        if (_vectors16 is not null)
        {
            TensorPrimitives.ConvertToSingle(_vectors16.AsSpan(start, Dimensions), destination);
        }
        else
        {
            _vectors32.AsSpan(start, Dimensions).CopyTo(destination);
        }
    }

    /// <summary>Adds <paramref name="scale"/> times the word vector at <paramref name="index"/> to <paramref name="accumulator"/>.</summary>
    public void AddScaled(int index, float scale, Span<float> accumulator, Span<float> scratch)
    {
        var start = index * Dimensions;
        ReadOnlySpan<float> vector;
        if (_vectors16 is not null)
        {
            TensorPrimitives.ConvertToSingle(_vectors16.AsSpan(start, Dimensions), scratch);
            vector = scratch[..Dimensions];
        }
        else
        {
            vector = _vectors32.AsSpan(start, Dimensions);
        }
        TensorPrimitives.MultiplyAdd(vector, scale, accumulator, accumulator);
    }

    private ReadOnlySpan<char> WordSpan(int index) => _chars.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    private static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }

    private static int SlotCount(int count)
    {
        var slots = 16;
        while (slots < count * 3L)
        {
            slots *= 2;
        }
        return slots;
    }

    private static T[] ReadArray<T>(Microsoft.Win32.SafeHandles.SafeFileHandle handle, int length, ref long position, string path)
        where T : unmanaged
    {
        var array = new T[length];
        ReadExactly(handle, MemoryMarshal.AsBytes(array.AsSpan()), ref position, path);
        position = Align(position);
        return array;
    }

    private static void ReadExactly(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer, ref long position, string path)
    {
        while (!buffer.IsEmpty)
        {
            var read = RandomAccess.Read(handle, buffer, position);
            if (read == 0)
            {
                throw new InvalidDataException($"'{path}' is truncated; run scripts/fetch-glove.sh again.");
            }
            buffer = buffer[read..];
            position += read;
        }
    }

    private static void WriteArray<T>(Stream stream, T[] array, ref long position)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(array.AsSpan());
        stream.Write(bytes);
        position += bytes.Length;
        var aligned = Align(position);
        Span<byte> padding = stackalloc byte[8];
        padding.Clear();
        stream.Write(padding[..(int)(aligned - position)]);
        position = aligned;
    }

    private static long Align(long position) => (position + 7) & ~7L;
}
