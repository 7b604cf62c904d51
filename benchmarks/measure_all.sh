#!/usr/bin/env bash
# Re-measure every number in BENCHMARKS.md. Writes one JSON line per command to $OUT_DIR.
# The benchmark files live outside the repo (../shared/benchmarks); they are read only here,
# never by the product or its tests.
set -uo pipefail
cd "$(dirname "$0")/.."
B="${BENCH_DATA:-../shared/benchmarks}"
OUT_DIR="${OUT_DIR:-benchmarks/results}"
mkdir -p "$OUT_DIR"
C=.venv/bin/communique
run() {  # name, command...
  local name=$1; shift
  echo "== $name: $*" >&2
  local t0=$(date +%s)
  "$@" > "$OUT_DIR/$name.log" 2>&1
  echo "   exit $? in $(( $(date +%s) - t0 )) s" >&2
  tail -n 1 "$OUT_DIR/$name.log" > "$OUT_DIR/$name.json"
}
run corpus    $C eval corpus --json
run plv       $C eval plv --data "$B/zsp_plv.jsonl" --json
run gsr       $C eval gsr --data "$B/plover_gsr_cameo.jsonl" --json
run petrarch  $C eval petrarch --data "$B/petrarch_validation_ud_2_02.jsonl" --json
run case2021  $C eval case2021 --data "$B/case2021_task2_test.jsonl" --json
run polnear   $C eval polnear --data "$B/polnear_dev.jsonl" --json
run sentences $C eval sentences --json
run sentences_lexicon $C --config benchmarks/lexicon_only.toml eval sentences --json
run plv_lexicon $C --config benchmarks/lexicon_only.toml eval plv --data "$B/zsp_plv.jsonl" --json
run gsr_lexicon $C --config benchmarks/lexicon_only.toml eval gsr --data "$B/plover_gsr_cameo.jsonl" --json
run throughput .venv/bin/python benchmarks/run.py --json
run coder_speed .venv/bin/python benchmarks/coder_speed.py 800
run stories_scale .venv/bin/python benchmarks/stories_scale.py --json
run workers .venv/bin/python benchmarks/workers.py --json
