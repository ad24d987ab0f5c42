#!/usr/bin/env bash
# Release-build checks that need fresh clones, so they are not part of `dotnet test` (each clone regenerates
# and compiles everything, minutes on a small machine). Run from anywhere in the repository:
#
#   bash tests/PackageSmoke/check-release-build.sh [https-remote-url]
#
# 1. Version from git tags: both clones get the tag v0.2.0 on HEAD; `dotnet pack` must produce
#    Sentry.OpenApi.0.2.0.nupkg.
# 2. Reproducible: the two clones are at paths of different lengths; the DLLs of both target frameworks in
#    the two packages must be byte-identical.
# 3. With an https remote URL given (e.g. the repository's real one), both clones get it as `origin`:
#    the nuspec must name it as repository and project URL, and the PDBs must carry SourceLink for it.
#    Without one, the clones' origin is this local repository and the nuspec must name no repository URL.
# The clones are made from HEAD (commit first); nothing outside the temporary folder is changed.
set -euo pipefail
repo="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
head="$(git -C "$repo" rev-parse HEAD)"
remote="${1:-}"
work="$(mktemp -d /tmp/sentry-openapi-release-check.XXXXXX)"
trap 'rm -rf "$work"' EXIT
clones=("$work/a" "$work/a-much-longer-folder-name/clone")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for clone in "${clones[@]}"; do
  mkdir -p "$(dirname "$clone")"
  git clone --quiet --no-hardlinks "$repo" "$clone"
  git -C "$clone" checkout --quiet --detach "$head"
  git -C "$clone" -c user.name=check -c user.email=check@localhost tag -a v0.2.0 -m v0.2.0
  if [ -n "$remote" ]; then git -C "$clone" remote set-url origin "$remote"; fi
  echo "packing in $clone"
  (cd "$clone" && dotnet pack src/Sentry.OpenApi -c Release -o "$clone/out" --disable-build-servers -nodeReuse:false -v:minimal >"$clone.pack.log" 2>&1) \
    || { tail -40 "$clone.pack.log"; echo "FAIL: dotnet pack in $clone"; exit 1; }
done

fail=0
for clone in "${clones[@]}"; do
  if [ -f "$clone/out/Sentry.OpenApi.0.2.0.nupkg" ]; then echo "ok: tag v0.2.0 packs $(basename "$clone/out/Sentry.OpenApi.0.2.0.nupkg")";
  else echo "FAIL: no Sentry.OpenApi.0.2.0.nupkg in $clone/out: $(ls "$clone/out")"; fail=1; fi
  mkdir -p "$clone/unzipped" && unzip -q -o "$clone/out/Sentry.OpenApi.0.2.0.nupkg" -d "$clone/unzipped"
  mkdir -p "$clone/symbols" && unzip -q -o "$clone/out/Sentry.OpenApi.0.2.0.snupkg" -d "$clone/symbols"
done

for framework in netstandard2.0 net8.0; do
  a="${clones[0]}/unzipped/lib/$framework/Sentry.OpenApi.dll"; b="${clones[1]}/unzipped/lib/$framework/Sentry.OpenApi.dll"
  if cmp -s "$a" "$b"; then echo "ok: $framework DLL identical from both clone paths ($(sha256sum "$a" | cut -c1-16))";
  else echo "FAIL: $framework DLL differs between $a and $b"; fail=1; fi
  if grep -a -q "$work" "$a" "${clones[0]}/symbols/lib/$framework/Sentry.OpenApi.pdb"; then echo "FAIL: $framework DLL or PDB contains the clone path"; fail=1;
  else echo "ok: $framework DLL and PDB name no clone path"; fi
done

nuspec="${clones[0]}/unzipped/Sentry.OpenApi.nuspec"
if [ -n "$remote" ]; then
  grep -q "<repository type=\"git\" url=\"$remote\"" "$nuspec" && grep -q "<projectUrl>${remote%.git}</projectUrl>" "$nuspec" \
    && echo "ok: nuspec repository and project URL are $remote" || { echo "FAIL: nuspec lacks $remote:"; grep -E 'repository|projectUrl' "$nuspec"; fail=1; }
  pdb="${clones[0]}/symbols/lib/net8.0/Sentry.OpenApi.pdb"
  host_path="$(echo "$remote" | sed -E 's#^https://github.com/([^/]+)/([^/]+)$#\1/\2#; s#\.git$##')"
  grep -a -q "raw.githubusercontent.com/$host_path/" "$pdb" && echo "ok: PDB SourceLink points at raw.githubusercontent.com/$host_path/<commit>/" \
    || { echo "FAIL: no SourceLink for $remote in $pdb"; fail=1; }
else
  if grep -q '<repository[^>]* url=' "$nuspec" || grep -q '<projectUrl>' "$nuspec"; then echo "FAIL: nuspec names a repository URL for a local origin:"; grep -E 'repository|projectUrl' "$nuspec"; fail=1;
  else echo "ok: origin is a local path, so the nuspec names no repository or project URL"; fi
fi

[ "$fail" = 0 ] && echo "release build checks passed" || { echo "release build checks FAILED"; exit 1; }
