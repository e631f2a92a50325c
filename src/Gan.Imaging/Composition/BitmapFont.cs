using System.Collections.Frozen;

namespace Gan.Imaging.Composition;

/// <summary>
/// A 5×7 pixel font for short labels: digits, letters (lowercase is drawn as uppercase), space and a few symbols.
/// Each glyph is seven rows of five cells, '#' = ink. Characters without a glyph are drawn as '?'.
/// </summary>
internal static class BitmapFont
{
    public const int GlyphWidth = 5, GlyphHeight = 7, Advance = GlyphWidth + 1;

    private static readonly FrozenDictionary<char, bool[,]> Glyphs = new Dictionary<char, string>
    {
        ['0'] = ".###. #...# #..## #.#.# ##..# #...# .###.",
        ['1'] = "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
        ['2'] = ".###. #...# ....# ...#. ..#.. .#... #####",
        ['3'] = "##### ...#. ..#.. ...#. ....# #...# .###.",
        ['4'] = "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
        ['5'] = "##### #.... ####. ....# ....# #...# .###.",
        ['6'] = "..##. .#... #.... ####. #...# #...# .###.",
        ['7'] = "##### ....# ...#. ..#.. .#... .#... .#...",
        ['8'] = ".###. #...# #...# .###. #...# #...# .###.",
        ['9'] = ".###. #...# #...# .#### ....# ...#. .##..",
        ['A'] = ".###. #...# #...# ##### #...# #...# #...#",
        ['B'] = "####. #...# #...# ####. #...# #...# ####.",
        ['C'] = ".###. #...# #.... #.... #.... #...# .###.",
        ['D'] = "###.. #..#. #...# #...# #...# #..#. ###..",
        ['E'] = "##### #.... #.... ####. #.... #.... #####",
        ['F'] = "##### #.... #.... ####. #.... #.... #....",
        ['G'] = ".###. #...# #.... #.### #...# #...# .####",
        ['H'] = "#...# #...# #...# ##### #...# #...# #...#",
        ['I'] = ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
        ['J'] = "..### ...#. ...#. ...#. ...#. #..#. .##..",
        ['K'] = "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
        ['L'] = "#.... #.... #.... #.... #.... #.... #####",
        ['M'] = "#...# ##.## #.#.# #.#.# #...# #...# #...#",
        ['N'] = "#...# #...# ##..# #.#.# #..## #...# #...#",
        ['O'] = ".###. #...# #...# #...# #...# #...# .###.",
        ['P'] = "####. #...# #...# ####. #.... #.... #....",
        ['Q'] = ".###. #...# #...# #...# #.#.# #..#. .##.#",
        ['R'] = "####. #...# #...# ####. #.#.. #..#. #...#",
        ['S'] = ".#### #.... #.... .###. ....# ....# ####.",
        ['T'] = "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
        ['U'] = "#...# #...# #...# #...# #...# #...# .###.",
        ['V'] = "#...# #...# #...# #...# #...# .#.#. ..#..",
        ['W'] = "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
        ['X'] = "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
        ['Y'] = "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
        ['Z'] = "##### ....# ...#. ..#.. .#... #.... #####",
        [' '] = "..... ..... ..... ..... ..... ..... .....",
        ['-'] = "..... ..... ..... ##### ..... ..... .....",
        ['_'] = "..... ..... ..... ..... ..... ..... #####",
        ['.'] = "..... ..... ..... ..... ..... .##.. .##..",
        [','] = "..... ..... ..... ..... .##.. ..#.. .#...",
        [':'] = "..... .##.. .##.. ..... .##.. .##.. .....",
        ['/'] = "..... ....# ...#. ..#.. .#... #.... .....",
        ['='] = "..... ..... ##### ..... ##### ..... .....",
        ['+'] = "..... ..#.. ..#.. ##### ..#.. ..#.. .....",
        ['('] = "...#. ..#.. .#... .#... .#... ..#.. ...#.",
        [')'] = ".#... ..#.. ...#. ...#. ...#. ..#.. .#...",
        ['%'] = "##... ##..# ...#. ..#.. .#... #..## ...##",
        ['#'] = ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.",
        ['?'] = ".###. #...# ....# ...#. ..#.. ..... ..#..",
        ['!'] = "..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..",
    }.ToFrozenDictionary(pair => pair.Key, pair => Parse(pair.Value));

    /// <summary>Width in pixels of <paramref name="text"/>: one glyph plus one blank column per character, minus the last blank.</summary>
    public static int MeasureWidth(string text) => text.Length == 0 ? 0 : text.Length * Advance - 1;

    /// <summary>Whether the glyph of <paramref name="c"/> has ink at (column, row).</summary>
    public static bool IsInk(char c, int column, int row) => GlyphOf(c)[row, column];

    private static bool[,] GlyphOf(char c) =>
        Glyphs.TryGetValue(char.ToUpperInvariant(c), out var glyph) ? glyph : Glyphs['?'];

    private static bool[,] Parse(string rows)
    {
        var lines = rows.Split(' ');
        if (lines.Length != GlyphHeight || lines.Any(line => line.Length != GlyphWidth))
            throw new InvalidOperationException($"Malformed glyph '{rows}'.");
        var glyph = new bool[GlyphHeight, GlyphWidth];
        for (int row = 0; row < GlyphHeight; row++)
            for (int column = 0; column < GlyphWidth; column++)
                glyph[row, column] = lines[row][column] == '#';
        return glyph;
    }
}
