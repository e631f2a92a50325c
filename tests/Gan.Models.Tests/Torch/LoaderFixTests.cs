using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

/// <summary>
/// The loader fix of build/TorchSharpLoaderFix.targets, as this test project's own build applied it: TorchSharp's native library
/// needs GLIBCXX_3.4.32 for one symbol nothing calls, and the build marks that need weak in the output's copy where the
/// machine's C++ runtime lacks the version, never in the NuGet cache's.
/// </summary>
[TestClass]
public sealed class LoaderFixTests
{
    private const string Library = "libLibTorchSharp.so";
    private const string Version = "GLIBCXX_3.4.32";

    [TestMethod]
    public void TensorWorkRunsInThisProcessAfterTheBuild()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        Assert.AreEqual(6f, (ones(3) * 2).sum().item<float>());
    }

    [TestMethod]
    public void TheProcessRunsTheOutputsCopyWithoutTorchSharpsFallback()
    {
        RequireLinux();
        TorchRuntime.EnsureLoaded();
        var loaded = MappedFiles().Where(f => Path.GetFileName(f) == Library).Distinct().ToList();
        CollectionAssert.AreEqual(new[] { OutputCopy() }, loaded);
        string fallback = Path.Combine(Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location)!, "cpu");
        Assert.IsFalse(Directory.Exists(fallback), $"TorchSharp's fallback copied libtorch into {fallback}");
    }

    [TestMethod]
    public void TheOutputsCopyNeedsTheVersionOnlyWeaklyWhereTheSystemLacksIt()
    {
        RequireLinux();
        string runtime = MappedFiles().FirstOrDefault(f => Path.GetFileName(f).StartsWith("libstdc++.so", StringComparison.Ordinal))
                         ?? throw new AssertFailedException("this process has no C++ runtime mapped");
        if (Encoding.ASCII.GetString(File.ReadAllBytes(runtime)).Contains(Version + "\0"))
            Assert.Inconclusive($"{runtime} has {Version}: the build leaves the library as it is");
        var need = ElfVersionNeeds.Read(OutputCopy()).Single(n => n.Version == Version);
        Assert.IsTrue(need.Weak, $"{OutputCopy()} still needs {Version} strongly");
    }

    [TestMethod]
    public void TheNuGetCachesCopyIsUntouched()
    {
        RequireLinux();
        string original = CachedCopy();
        if (!File.Exists(original)) Assert.Inconclusive($"{original} is gone from the NuGet cache");
        var need = ElfVersionNeeds.Read(original).Single(n => n.Version == Version);
        Assert.AreEqual("libstdc++.so.6", need.File);
        Assert.IsFalse(need.Weak, $"{original} was patched: the build wrote through into the NuGet cache");
    }

    [TestMethod]
    public void TheElfReaderSeesTheWeakFlagWhereItIsSet()
    {
        RequireLinux();
        using var folder = new TemporaryFolder();
        string copy = folder.File(Library);
        File.Copy(CachedCopy(), copy);
        var need = ElfVersionNeeds.Read(copy).Single(n => n.Version == Version);
        using (var file = File.OpenWrite(copy))
        {
            file.Position = need.FlagsOffset;
            file.WriteByte((byte)(need.Flags | ElfVersionNeeds.Weak));
        }
        Assert.IsTrue(ElfVersionNeeds.Read(copy).Single(n => n.Version == Version).Weak);
    }

    private static void RequireLinux()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("the loader fix is for Linux");
    }

    private static string OutputCopy()
    {
        string root = AppContext.BaseDirectory;
        return new[] { Path.Combine(root, Library), Path.Combine(root, "runtimes", "linux-x64", "native", Library) }.First(File.Exists);
    }

    // TorchSharp's package folder as this project's deps.json names it, in the NuGet cache.
    private static string CachedCopy()
    {
        string deps = Path.Combine(AppContext.BaseDirectory, Path.GetFileNameWithoutExtension(typeof(LoaderFixTests).Assembly.Location) + ".deps.json");
        using var json = JsonDocument.Parse(File.ReadAllText(deps));
        string package = json.RootElement.GetProperty("libraries").EnumerateObject()
            .First(p => p.Name.StartsWith("TorchSharp/", StringComparison.Ordinal)).Value.GetProperty("path").GetString()!;
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(cache, package, "runtimes", "linux-x64", "native", Library);
    }

    private static IEnumerable<string> MappedFiles() =>
        File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length >= 6).Select(f => f[5]);

    /// <summary>The version needs (.gnu.version_r) of a 64-bit little-endian ELF file.</summary>
    private static class ElfVersionNeeds
    {
        public const ushort Weak = 0x2; // VER_FLG_WEAK
        private const uint SectionVersionNeeds = 0x6ffffffe; // SHT_GNU_verneed

        public sealed record Need(string File, string Version, ushort Flags, long FlagsOffset)
        {
            public bool Weak => (Flags & ElfVersionNeeds.Weak) != 0;
        }

        public static List<Need> Read(string path)
        {
            byte[] b = System.IO.File.ReadAllBytes(path);
            Assert.IsTrue(b.Length > 64 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F' && b[4] == 2 && b[5] == 1,
                $"{path} is not a 64-bit little-endian ELF file");
            long sectionTable = BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(0x28));
            int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(0x3A));
            int count = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(0x3C));
            (uint Type, long Offset, int Link) Section(int i)
            {
                var header = b.AsSpan((int)(sectionTable + i * entrySize));
                return (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]), BinaryPrimitives.ReadInt64LittleEndian(header[0x18..]),
                        (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]));
            }
            var needs = Enumerable.Range(0, count).Select(Section).Single(s => s.Type == SectionVersionNeeds);
            long strings = Section(needs.Link).Offset;
            string Text(uint at)
            {
                int start = (int)(strings + at);
                return Encoding.ASCII.GetString(b, start, Array.IndexOf(b, (byte)0, start) - start);
            }

            // Elf64_Verneed { vn_version, vn_cnt, vn_file, vn_aux, vn_next }, each with a chain of
            // Elf64_Vernaux { vna_hash, vna_flags, vna_other, vna_name, vna_next }.
            var result = new List<Need>();
            for (long need = needs.Offset; ; )
            {
                var entry = b.AsSpan((int)need);
                string file = Text(BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]));
                long aux = need + BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
                for (int k = 0; k < BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]); k++)
                {
                    var version = b.AsSpan((int)aux);
                    result.Add(new Need(file, Text(BinaryPrimitives.ReadUInt32LittleEndian(version[8..])),
                        BinaryPrimitives.ReadUInt16LittleEndian(version[4..]), aux + 4));
                    aux += BinaryPrimitives.ReadUInt32LittleEndian(version[12..]);
                }
                uint next = BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]);
                if (next == 0) return result;
                need += next;
            }
        }
    }
}
