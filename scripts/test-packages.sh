#!/usr/bin/env bash
# The package consumer test (run by scripts/test.sh after the in-repo tests, so by CI): what a user outside this
# repository gets. Packs Gan.Imaging, Gan.Models, Gan.MLNet and the Gan.Cli tool into a local folder feed; makes a
# project with `dotnet new console` in a temporary folder; adds Gan.MLNet from that feed and checks that no libtorch
# backend came with it; adds the CPU backend; builds (the package's loader fix must run in that build) and runs
# tests/PackageConsumer/Program.cs, which fits, saves, loads and checks a chain with GanGenerate and SuperResolve;
# installs the tool with `dotnet tool install --tool-path` from the feed and runs `gan upscale` on a few images.
# Prints "packages: ..." lines and ends with "packages: consumer test passed" (exit 0) or a "packages: FAILED" line.
#   --keep   leave the temporary folder (feed, app, tool) for inspection and print its path
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
keep=false
[ "${1:-}" = "--keep" ] && keep=true

work=$(mktemp -d "${TMPDIR:-/tmp}/gan-packages.XXXXXX")
if $keep; then echo "packages: working in $work"; else trap 'rm -rf "$work"' EXIT; fi
fail() { echo "packages: FAILED $*" >&2; exit 1; }
quiet() { # runs a command, showing its output only when it fails
  local log=$work/last.log
  "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "$*"; }
}

version=$(dotnet msbuild src/Gan.MLNet/Gan.MLNet.csproj -getProperty:Version)
backend_version=$(sed -n 's/.*PackageVersion Include="libtorch-cpu-linux-x64" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)

# 1. Pack into a folder feed.
feed=$work/feed
quiet dotnet pack Gan.MLNet.sln -c Release -o "$feed" --nologo
for p in "$feed"/*.nupkg; do
  stat -c '%s %n' "$p" | awk '{ n = split($2, part, "/"); printf "packages: %-34s %10.1f KiB\n", part[n], $1 / 1024 }'
done
for id in Gan.Imaging Gan.Models Gan.MLNet Gan.Cli Gan.Cli.linux-x64; do
  [ -f "$feed/$id.$version.nupkg" ] || fail "no package $id $version in the feed"
done

# 2. A console application outside the repository. Its own packages folder, so this run's Gan.* packages are the
#    ones it uses (never a stale copy of the same version); the machine's packages folder as a read-only fallback,
#    so ML.NET, TorchSharp and libtorch are not fetched again.
app=$work/app
mkdir -p "$app"
global=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
cat >"$app/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
  <packageSources>
    <add key="gan-local-feed" value="$feed" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine" value="$global" />
  </fallbackPackageFolders>
</configuration>
CONFIG
cd "$app"
quiet dotnet new console --name PackageConsumer --output . --framework net10.0
quiet dotnet add package Gan.MLNet --version "$version"
if grep -q '"libtorch-' obj/project.assets.json; then fail "Gan.MLNet $version brought a libtorch backend with it"; fi
echo "packages: Gan.MLNet $version restored with its dependencies and no libtorch backend"
quiet dotnet add package libtorch-cpu-linux-x64 --version "$backend_version"
cp "$root/tests/PackageConsumer/Program.cs" Program.cs
# TorchSharp's native library must load from the build and the publish folder: the dynamic loader finds every
# version it needs, or only weak ones are missing (the package's loader fix).
loads() {
  local missing
  if missing=$(ldd "$1/runtimes/linux-x64/native/libLibTorchSharp.so" 2>&1 | grep "not found" | grep -v "weak version"); then
    fail "libLibTorchSharp.so in the consumer's $2 folder does not load: $missing"
  fi
}
quiet dotnet build -c Release --nologo
loads bin/Release/net10.0 output
if grep -q "marked GLIBCXX_3.4.32 weak" "$work/last.log"; then
  echo "packages: the consumer's build ran the package's loader fix (this machine's libstdc++ lacks GLIBCXX_3.4.32)"
fi
quiet dotnet publish -c Release --nologo -o "$work/published"
loads "$work/published" publish
echo "packages: TorchSharp's native library loads from the consumer's output and publish folders"
dotnet list package --include-transitive | sed -n 's/^ *[>] \(Gan\.[A-Za-z.]*\|Microsoft\.ML\|Microsoft\.ML\.ImageAnalytics\|TorchSharp\|libtorch-[a-z0-9.-]*\) .* \([0-9][0-9.]*\) *$/packages: consumer uses \1 \2/p' | sort -u
dotnet bin/Release/net10.0/PackageConsumer.dll "$work/run" || fail "the consumer program"

# 3. The tool, installed from the feed as a user installs it.
cd "$work"
quiet dotnet tool install --tool-path "$work/tool" --add-source "$feed" Gan.Cli --version "$version"
echo "packages: installed the gan tool $version (Gan.Cli -> Gan.Cli.linux-x64) into a tool path"
mkdir -p upscale-in
cp run/images/photo-0[0-3].png upscale-in/
summary=$("$work/tool/gan" upscale --input upscale-in --output upscale-out --scale 2 | tail -n 1) || fail "gan upscale: $summary"
echo "packages: gan upscale: $summary"
[ "$summary" = "4 written, 0 already complete, 0 failed." ] || fail "gan upscale's summary"
[ "$(find upscale-out -name '*.png' | wc -l)" -eq 4 ] || fail "gan upscale wrote $(find upscale-out -name '*.png' | wc -l) of 4 images"
echo "packages: consumer test passed"
