#!/bin/sh
# Reelwatch's class-data sharing archive (AppCDS), made where the app is installed. Shipped inside the Linux
# app-image as lib/cds.sh; the .deb and .rpm call it after installing and before removing, the portable
# tarball's install.sh and uninstall.sh likewise.
#   cds.sh enable    dumps lib/app/reelwatch.jsa from the class list the packaging's training run recorded
#                    (lib/app/reelwatch.classlist) and adds -XX:SharedArchiveFile to the launcher's config
#   cds.sh disable   removes both again
# The archive holds the ~8,000 JDK, JavaFX and Reelwatch classes a start loads, already parsed and verified,
# so the JVM maps them instead of reading them from the jars. HotSpot ties an archive to the absolute path of
# every jar on the class path, so it is made here, after the files are in place, not at build time. Never
# fails an install: without the archive the app only starts more slowly.
set -u
lib="$(cd "$(dirname "$0")" && pwd)"
app="$lib/app"
cfg="$app/Reelwatch.cfg"
jsa="$app/reelwatch.jsa"
java="$lib/runtime/bin/java"
option='java-options=-XX:SharedArchiveFile=$APPDIR/reelwatch.jsa'

disable() {
  [ -f "$cfg" ] && grep -q 'SharedArchiveFile' "$cfg" && sed -i '/SharedArchiveFile/d' "$cfg"
  rm -f "$jsa"
}

case "${1:-}" in
  enable)
    disable
    [ -x "$java" ] && [ -f "$app/reelwatch.classlist" ] || { echo "reelwatch: no class list or java; start-up archive skipped" >&2; exit 0; }
    # The class path exactly as the launcher passes it: the config's app.classpath lines, in order.
    app_sed="$(printf '%s' "$app" | sed 's/[&|\\]/\\&/g')"   # the folder may hold & or | (sed's specials)
    cp="$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\\\$APPDIR|$app_sed|" | paste -sd: -)"
    if "$java" -Xshare:dump -XX:SharedClassListFile="$app/reelwatch.classlist" -XX:SharedArchiveFile="$jsa" \
        -Djava.class.path="$cp" -Dfile.encoding=UTF-8 >"$app/reelwatch.jsa.log" 2>&1 \
        && "$java" -Xshare:on -XX:SharedArchiveFile="$jsa" -Djava.class.path="$cp" -version >/dev/null 2>&1; then
      chmod 644 "$jsa"
      # Under [JavaOptions], which the config ends with.
      printf '%s\n' "$option" >>"$cfg"
      rm -f "$app/reelwatch.jsa.log"
    else
      echo "reelwatch: could not make the start-up archive (see $app/reelwatch.jsa.log); the app runs without it" >&2
      rm -f "$jsa"
    fi
    ;;
  disable)
    disable
    rm -f "$app/reelwatch.jsa.log"
    ;;
  *)
    echo "usage: $0 enable|disable" >&2
    exit 2
    ;;
esac
exit 0
