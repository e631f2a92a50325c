#!/usr/bin/python3
"""Makes the photo folder of the `gan upscale` benchmark: N files cut from the photographs the repo already uses
(Gan.Models' SrPhotoSources: python3-skimage's natural sample photos and mate-backgrounds' nature photos, both
installed by scripts/setup.sh).

    /usr/bin/python3 benchmarks/upscale/make-photos.py --out DIR [--count 200] [--seed 6]

Every file is a random crop of a source photo (a crop of 35-100 % of the largest region with the file's aspect
ratio), resized with Lanczos to its file's size: a long side of 320-480 px, an aspect ratio of 1:1, 4:3, 3:2 or
16:10 (portrait three times in ten), the short side at least 256 px. A x2 output is therefore 0.33-0.92 MP. Gray
sources (camera, coins, moon, ...) are converted to RGB, so that every file goes through the network the same way
on both sides of the comparison. Three files in four are PNG (zlib level 6, PIL's default), one in four is JPEG
(quality 90), as in a folder of mixed photos; the benchmark writes PNG outputs for both. No metadata (ICC
profiles, EXIF) is copied from the sources.

Deterministic: the same seed, count and source files give byte-identical files on every run (one random generator,
drawn in file order). The folder is written under a temporary name and renamed when complete, so an interrupted run
leaves no half-made folder under DIR; an existing DIR is replaced.
"""
import argparse
import glob
import os
import random
import shutil
import sys

from PIL import Image

SKIMAGE_FOLDER = "/usr/lib/python3/dist-packages/skimage/data"  # SrPhotoSources.SkimageFolder
MATE_NATURE_FOLDER = "/usr/share/backgrounds/mate/nature"  # SrPhotoSources.MateNatureFolder
SKIMAGE_PHOTOS = [  # SrPhotoSources.SkimagePhotos
    "astronaut.png", "brick.png", "camera.png", "chelsea.png", "coffee.png", "coins.png", "grass.png", "gravel.png",
    "hubble_deep_field.jpg", "moon.png", "motorcycle_left.png", "motorcycle_right.png", "retina.jpg", "rocket.jpg",
]
ASPECTS = [(1, 1), (4, 3), (3, 2), (16, 10)]
LONG_SIDE = (320, 480)
SHORT_SIDE_MIN = 256
CROP_FRACTION = (0.35, 1.0)
PORTRAIT_SHARE = 0.3
JPEG_SHARE = 0.25
JPEG_QUALITY = 90


def source_photos():
    """The listed photographs that exist here, in ordinal order (as SrPhotoSources.DebianPhotographs)."""
    skimage = [os.path.join(SKIMAGE_FOLDER, name) for name in SKIMAGE_PHOTOS]
    mate = glob.glob(os.path.join(MATE_NATURE_FOLDER, "*.jpg"))
    return sorted((p for p in skimage + mate if os.path.isfile(p)), key=lambda p: p.encode())


def file_size(rng):
    """A file's (width, height): long side 320-480, one of the aspect ratios, portrait now and then."""
    long_side = rng.randint(*LONG_SIDE)
    big, small = rng.choice(ASPECTS)
    short_side = max(SHORT_SIDE_MIN, round(long_side * small / big))
    return (short_side, long_side) if rng.random() < PORTRAIT_SHARE else (long_side, short_side)


def crop_box(rng, source_size, size):
    """A random box of the file's aspect ratio inside the source, 35-100 % of the largest such box per side."""
    (sw, sh), (w, h) = source_size, size
    fit = min(sw / w, sh / h)  # the largest box with the file's aspect ratio is (w * fit, h * fit)
    fraction = rng.uniform(*CROP_FRACTION)
    scale = max(fit * fraction, min(fit, 1.0))  # never below the file's own size when the source allows it
    cw, ch = min(sw, round(w * scale)), min(sh, round(h * scale))
    x, y = rng.randint(0, sw - cw), rng.randint(0, sh - ch)
    return x, y, x + cw, y + ch


def make(out, count, seed):
    sources = source_photos()
    if not sources:
        sys.exit("make-photos: no source photos: run scripts/setup.sh (python3-skimage, mate-backgrounds)")
    rng = random.Random(seed)
    digits = max(4, len(str(count - 1)))
    work = out.rstrip("/") + ".partial"
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    opened = {}
    jpegs = 0
    for i in range(count):
        path = rng.choice(sources)
        if path not in opened:
            with Image.open(path) as image:
                opened[path] = image.convert("RGB")
            opened[path].info.clear()  # PIL would copy the source's ICC profile into every file (libpng warns on one)
        source = opened[path]
        size = file_size(rng)
        photo = source.resize(size, Image.LANCZOS, box=crop_box(rng, source.size, size))
        name = f"photo-{i:0{digits}d}"
        if rng.random() < JPEG_SHARE:
            photo.save(os.path.join(work, name + ".jpg"), quality=JPEG_QUALITY)
            jpegs += 1
        else:
            photo.save(os.path.join(work, name + ".png"))
    shutil.rmtree(out, ignore_errors=True)
    os.rename(work, out)
    print(f"make-photos: {count} files ({count - jpegs} PNG, {jpegs} JPEG) from {len(sources)} source photos in {out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="the folder to make (replaced if it exists)")
    parser.add_argument("--count", type=int, default=200, help="number of files (default 200)")
    parser.add_argument("--seed", type=int, default=6, help="random seed (default 6)")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be >= 1")
    make(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
