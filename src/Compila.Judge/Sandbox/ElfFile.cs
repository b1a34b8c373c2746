using System.Buffers.Binary;
using System.Text;

namespace Compila.Judge.Sandbox;

/// <summary>
/// What the dynamic loader reads of an ELF file before running it: its interpreter (<c>PT_INTERP</c>), the libraries
/// it needs (<c>DT_NEEDED</c>) and where it asks them to be looked for first (<c>DT_RUNPATH</c>, else <c>DT_RPATH</c>,
/// with <c>$ORIGIN</c> expanded). Only 64-bit little-endian files (x86-64, arm64), the judge's hosts.
/// </summary>
internal sealed record ElfFile(string? Interpreter, IReadOnlyList<string> Needed, IReadOnlyList<string> SearchPath)
{
    private const int ProgramLoad = 1; // PT_LOAD
    private const int ProgramDynamic = 2; // PT_DYNAMIC
    private const int ProgramInterpreter = 3; // PT_INTERP
    private const long DynamicNeeded = 1; // DT_NEEDED
    private const long DynamicStringTable = 5; // DT_STRTAB
    private const long DynamicRPath = 15; // DT_RPATH
    private const long DynamicRunPath = 29; // DT_RUNPATH

    /// <summary>The file's loader needs; null when it is not an ELF file of this kind (a script, a data file...).</summary>
    public static ElfFile? Read(string path)
    {
        using var handle = File.OpenHandle(path);
        var header = new byte[64];
        if (RandomAccess.Read(handle, header, 0) < header.Length
            || header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F'
            || header[4] != 2 || header[5] != 1)
        {
            return null;
        }

        var programOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(0x20));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x36));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x38));
        if (entrySize < 56 || count == 0)
        {
            return new ElfFile(null, [], []);
        }

        var table = new byte[entrySize * count];
        if (RandomAccess.Read(handle, table, programOffset) < table.Length)
        {
            return null;
        }

        var loads = new List<(ulong Address, ulong Offset, ulong Size)>();
        (long Offset, long Size)? dynamic = null;
        string? interpreter = null;
        for (var i = 0; i < count; i++)
        {
            var entry = table.AsSpan(i * entrySize, entrySize);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]);
            var address = BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]);
            var fileSize = BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]);
            switch (type)
            {
                case ProgramLoad:
                    loads.Add((address, offset, fileSize));
                    break;
                case ProgramDynamic:
                    dynamic = ((long)offset, (long)fileSize);
                    break;
                case ProgramInterpreter:
                    interpreter = ReadString(handle, (long)offset, (int)Math.Min(fileSize, 4096));
                    break;
            }
        }

        if (dynamic is not { } d || d.Size <= 0 || d.Size > 1 << 20)
        {
            return new ElfFile(interpreter, [], []);
        }

        var entries = new byte[d.Size];
        RandomAccess.Read(handle, entries, d.Offset);
        var needed = new List<ulong>();
        ulong? strings = null, runPath = null, rPath = null;
        for (var at = 0; at + 16 <= entries.Length; at += 16)
        {
            var tag = BinaryPrimitives.ReadInt64LittleEndian(entries.AsSpan(at));
            var value = BinaryPrimitives.ReadUInt64LittleEndian(entries.AsSpan(at + 8));
            if (tag == 0)
            {
                break;
            }

            switch (tag)
            {
                case DynamicNeeded: needed.Add(value); break;
                case DynamicStringTable: strings = value; break;
                case DynamicRunPath: runPath = value; break;
                case DynamicRPath: rPath = value; break;
            }
        }

        // DT_STRTAB is an address: find the loaded segment holding it to get its place in the file.
        if (strings is not { } stringsAddress
            || loads.FirstOrDefault(l => stringsAddress >= l.Address && stringsAddress < l.Address + l.Size) is not { Size: > 0 } segment)
        {
            return new ElfFile(interpreter, [], []);
        }

        var tableOffset = (long)(stringsAddress - segment.Address + segment.Offset);
        string At(ulong index) => ReadString(handle, tableOffset + (long)index, 4096);
        var origin = Path.GetDirectoryName(path)!;
        var search = (runPath ?? rPath) is { } p
            ? At(p).Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => dir.Replace("${ORIGIN}", origin, StringComparison.Ordinal).Replace("$ORIGIN", origin, StringComparison.Ordinal))
                .Where(dir => dir.StartsWith('/') && !dir.Contains('$', StringComparison.Ordinal))
                .ToList()
            : [];
        return new ElfFile(interpreter, needed.Select(At).ToList(), search);
    }

    private static string ReadString(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long offset, int max)
    {
        var buffer = new byte[max];
        var read = RandomAccess.Read(handle, buffer, offset);
        var end = Array.IndexOf(buffer, (byte)0, 0, read);
        return Encoding.UTF8.GetString(buffer, 0, end < 0 ? read : end);
    }
}
