#!/bin/sh
# The `gradtex` command (package.json "bin"; copied to dist/cli/gradtex by
# `npm run build`). It runs the bundle dist/cli/gradtex.js, from a V8
# start-up snapshot when it can: dist/cli/gradtex-diff.blob for diff,
# gradtex.blob for simplify, eval and equal, gradtex-check.blob for check,
# holding their code and nerdamer already loaded (snapshot-entry.ts), which
# saves most of their start-up. A shell script, because Node reads
# --snapshot-blob only from its own command line.
#
# The snapshot is used only when Node would accept it and it was built for
# this very node binary: a blob exists, its stamp dist/cli/gradtex.blob.node
# (a link to the node binary that built it) is the node on PATH, whose file
# time is still the blob's (the build sets it: an upgrade in place changes
# it), and NODE_OPTIONS is empty (a V8 flag there makes Node refuse the
# blob). GRADTEX_NO_SNAPSHOT=1 runs the bundle without it, and
# GRADTEX_SHOW_START=1 says on stderr which of the two starts. Otherwise, and
# for every command the snapshot does not hold, the bundle runs as it
# always did; the output is the same either way (tests/cli/snapshot.test.ts).

# Our own path through symlinks (npm links bins from node_modules/.bin).
self=$0
case $self in */*) ;; *) self=./$self ;; esac
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in /*) self=$link ;; *) self=${self%/*}/$link ;; esac
done
dir=${self%/*}
stamp=$dir/gradtex.blob.node
# The snapshot of the command named first (snapshot-diff.ts, snapshot-quick.ts, snapshot-check.ts); none for the others.
case ${1-} in
  diff) blob=$dir/gradtex-diff.blob ;;
  simplify | eval | equal) blob=$dir/gradtex.blob ;;
  check) blob=$dir/gradtex-check.blob ;;
  *) blob= ;;
esac

if [ -n "$blob" ] && [ -z "${NODE_OPTIONS-}" ] && [ -z "${GRADTEX_NO_SNAPSHOT-}" ] && [ -f "$blob" ] && [ -h "$stamp" ]; then
  node=$(command -v node)
  if [ -n "$node" ] && [ "$node" -ef "$stamp" ] && ! [ "$node" -nt "$blob" ] && ! [ "$node" -ot "$blob" ]; then
    [ -z "${GRADTEX_SHOW_START-}" ] || echo "gradtex: starting from the snapshot $blob" >&2
    exec node --snapshot-blob "$blob" "$dir/gradtex.js" "$@"
  fi
fi
[ -z "${GRADTEX_SHOW_START-}" ] || echo "gradtex: starting the bundle $dir/gradtex.js" >&2
exec node "$dir/gradtex.js" "$@"
