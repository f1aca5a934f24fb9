#!/usr/bin/env bash
# gen-golden.sh - regenerate test/m4/golden/* from test/m4/cases/* with GNU m4.
#
# For each cases/NAME.m4: run `m4 $(cat NAME.args) NAME.m4 < NAME.stdin`
# (stdin defaults to /dev/null) with cwd = cases/, LC_ALL=C and argv[0] "m4",
# and store stdout, stderr and exit status as golden/NAME.{out,err,rc}.
# Goldens must only ever come from this script. Override the oracle with M4=.
set -u
unset M4PATH POSIXLY_CORRECT
here=$(cd "$(dirname "$0")" && pwd)
m4=${M4:-/usr/bin/m4}
"$m4" --version | head -1 | grep -q 'GNU M4) 1.4.19' || {
  echo "gen-golden: $m4 is not GNU m4 1.4.19" >&2; exit 1; }
cases=$here/cases golden=$here/golden
mkdir -p "$golden"
rm -f "$golden"/*.out "$golden"/*.err "$golden"/*.rc
n=0
for f in "$cases"/*.m4; do
  name=$(basename "$f" .m4)
  args=()
  if [ -f "$cases/$name.args" ]; then
    while IFS= read -r line || [ -n "$line" ]; do args+=("$line"); done <"$cases/$name.args"
  fi
  stdin=/dev/null
  [ -f "$cases/$name.stdin" ] && stdin=$cases/$name.stdin
  (cd "$cases" && LC_ALL=C timeout 10 bash -c 'exec -a m4 "$0" "$@"' "$m4" \
     "${args[@]}" "$name.m4" <"$stdin" >"$golden/$name.out" 2>"$golden/$name.err")
  rc=$?
  echo $rc >"$golden/$name.rc"
  [ $rc -eq 124 ] && echo "gen-golden: $name timed out" >&2
  n=$((n + 1))
done
echo "gen-golden: $n cases"
