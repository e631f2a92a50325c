namespace Gan.Models.SuperResolution;

/// <summary>
/// The photographs Debian packages ship that suit super-resolution training (installed by scripts/setup.sh): the
/// natural photos among python3-skimage's sample data (synthetic, tiny, scanned-text and truncated files left out) and
/// mate-backgrounds' nature photos (1280–2560 px JPEGs). gnome-backgrounds 43 ships 3-D renders and flat art, not
/// photographs, so it is not listed.
/// </summary>
public static class SrPhotoSources
{
    /// <summary>python3-skimage's sample-data folder.</summary>
    public const string SkimageFolder = "/usr/lib/python3/dist-packages/skimage/data";

    /// <summary>mate-backgrounds' photographs.</summary>
    public const string MateNatureFolder = "/usr/share/backgrounds/mate/nature";

    private static readonly string[] SkimagePhotos =
    [
        "astronaut.png", "brick.png", "camera.png", "chelsea.png", "coffee.png", "coins.png", "grass.png", "gravel.png",
        "hubble_deep_field.jpg", "moon.png", "motorcycle_left.png", "motorcycle_right.png", "retina.jpg", "rocket.jpg",
    ];

    /// <summary>The paths of the listed photographs that exist on this machine, in ordinal order.</summary>
    public static IReadOnlyList<string> DebianPhotographs()
    {
        var skimage = SkimagePhotos.Select(name => Path.Combine(SkimageFolder, name)).Where(File.Exists);
        var mate = Directory.Exists(MateNatureFolder) ? Directory.GetFiles(MateNatureFolder, "*.jpg") : [];
        return [.. skimage.Concat(mate).Order(StringComparer.Ordinal)];
    }
}
