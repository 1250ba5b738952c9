using System.Runtime.InteropServices;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// A <see cref="StringPool"/>'s codes found by the value's ASCII bytes, as the parser reads them, so a repeated value is
/// looked up without decoding it to UTF-16 or hashing twice its bytes: open addressing over a power-of-two table, each
/// slot holding the hash and the code; a candidate is compared with the pool's string itself, so the table keeps no
/// copy of the text.
/// </summary>
internal sealed class AsciiCodeTable(List<string?> values)
{
    private Slot[] _slots = new Slot[1024];
    private int _count;

    private struct Slot
    {
        public uint Hash;
        public int Code; // + 1: 0 is an empty slot
    }

    /// <summary>The code of <paramref name="value"/> when it was added.</summary>
    public bool TryGet(ReadOnlySpan<byte> value, uint hash, out int code)
    {
        var mask = _slots.Length - 1;
        for (var at = (int)hash & mask; ; at = (at + 1) & mask)
        {
            ref readonly var slot = ref _slots[at];
            if (slot.Code == 0)
            {
                code = 0;
                return false;
            }

            if (slot.Hash == hash && values[slot.Code - 1] is { } text && text.Length == value.Length && System.Text.Ascii.Equals(value, text))
            {
                code = slot.Code - 1;
                return true;
            }
        }
    }

    /// <summary>Adds the code of a value (the pool's string at <paramref name="code"/>) that <see cref="TryGet"/> did not find.</summary>
    public void Add(uint hash, int code)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        Insert(_slots, new Slot { Hash = hash, Code = code + 1 });
        _count++;
    }

    private void Grow()
    {
        var slots = new Slot[_slots.Length * 2];
        foreach (var slot in _slots)
        {
            if (slot.Code != 0)
            {
                Insert(slots, slot);
            }
        }

        _slots = slots;
    }

    private static void Insert(Slot[] slots, Slot slot)
    {
        var mask = slots.Length - 1;
        var at = (int)slot.Hash & mask;
        while (slots[at].Code != 0)
        {
            at = (at + 1) & mask;
        }

        slots[at] = slot;
    }

    /// <summary>
    /// A hash of the bytes, eight at a time (the last eight overlapping the ones before when the length is not a
    /// multiple): a multiply-rotate mix per word and splitmix64's final avalanche, as <c>DistinctRows</c> hashes rows.
    /// </summary>
    public static uint Hash(ReadOnlySpan<byte> value)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)value.Length;
        if (value.Length >= sizeof(ulong))
        {
            var words = MemoryMarshal.Cast<byte, ulong>(value);
            foreach (var word in words)
            {
                h = System.Numerics.BitOperations.RotateLeft((h ^ word) * 0xBF58476D1CE4E5B9UL, 31);
            }

            if (value.Length % sizeof(ulong) != 0)
            {
                h = System.Numerics.BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ulong>(value[^sizeof(ulong)..])) * 0xBF58476D1CE4E5B9UL, 31);
            }
        }
        else
        {
            ulong tail = 0;
            for (var i = 0; i < value.Length; i++)
            {
                tail |= (ulong)value[i] << (8 * i);
            }

            h = System.Numerics.BitOperations.RotateLeft((h ^ tail) * 0xBF58476D1CE4E5B9UL, 31);
        }

        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return (uint)(h ^ (h >> 31));
    }
}
