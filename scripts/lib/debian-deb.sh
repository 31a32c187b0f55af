# Sourced by build-kind-node.sh: one .deb from a Debian suite other than the one the image is
# built from, verified the way apt verifies it (InRelease signed by the Debian archive keys,
# then the SHA-256 of Packages.xz, then the SHA-256 of the .deb), without touching the host's
# apt configuration. Needs curl, gpgv, xz and the debian-archive-keyring package.

DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBIAN_KEYRING="${DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}"

# debian_deb SUITE PACKAGE DIR: downloads PACKAGE's amd64 .deb from SUITE into DIR (cached there)
# and prints its path.
debian_deb() {
  local suite=$1 pkg=$2 dir=$3 index stanza file sha
  mkdir -p "$dir"
  [ -f "$DEBIAN_KEYRING" ] || die "no Debian archive keyring at $DEBIAN_KEYRING (Debian: apt-get install debian-archive-keyring)"
  curl -fsS "$DEBIAN_MIRROR/dists/$suite/InRelease" -o "$dir/$suite.InRelease" || die "cannot fetch $DEBIAN_MIRROR/dists/$suite/InRelease"
  gpgv --keyring "$DEBIAN_KEYRING" --output "$dir/$suite.Release" "$dir/$suite.InRelease" 2>/dev/null \
    || die "the signature of $suite's InRelease does not verify against $DEBIAN_KEYRING"
  index=main/binary-amd64/Packages.xz
  sha=$(awk -v f="$index" '/^SHA256:/{s=1; next} /^[^ ]/{s=0} s && $3==f {print $1}' "$dir/$suite.Release")
  [ -n "$sha" ] || die "$suite's Release lists no $index"
  if ! echo "$sha  $dir/$suite.Packages.xz" | sha256sum -c --status 2>/dev/null; then
    curl -fsS "$DEBIAN_MIRROR/dists/$suite/$index" -o "$dir/$suite.Packages.xz" || die "cannot fetch $suite's $index"
    echo "$sha  $dir/$suite.Packages.xz" | sha256sum -c --status || die "$suite's $index does not match the SHA-256 in its Release"
  fi
  stanza=$(xz -dc "$dir/$suite.Packages.xz" | awk -v p="$pkg" 'BEGIN{RS=""} $0 ~ "(^|\n)Package: " p "\n" {print; exit}')
  file=$(printf '%s\n' "$stanza" | sed -n 's/^Filename: //p')
  sha=$(printf '%s\n' "$stanza" | sed -n 's/^SHA256: //p')
  [ -n "$file" ] && [ -n "$sha" ] || die "$suite has no package $pkg for amd64"
  local deb="$dir/$(basename "$file")"
  if ! echo "$sha  $deb" | sha256sum -c --status 2>/dev/null; then
    curl -fsS "$DEBIAN_MIRROR/$file" -o "$deb.tmp" || die "cannot fetch $DEBIAN_MIRROR/$file"
    echo "$sha  $deb.tmp" | sha256sum -c --status || { rm -f "$deb.tmp"; die "$file does not match the SHA-256 in $suite's Packages"; }
    mv "$deb.tmp" "$deb"
  fi
  echo "$deb"
}
