#!/bin/sh
# Mutation testing of the GUI-free core with cosmic-ray, one module at a time (see docs/MUTATION.md).
#
#   tools/mutation/run.sh [MODULE ...]      default: every module in MODULES below
#
# Each module is mutated in a scratch copy of the tree (build/mutation/tree; cosmic-ray edits files in
# place, so the working tree is never touched) and tested with only that module's tests (tests_for below).
# Results: build/mutation/<module>.sqlite (cosmic-ray session) and build/mutation/<module>.txt (cr-report).
# The runs are CPU-heavy: they run under `nice -n 19`, one mutant at a time.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PY=${PY:-$ROOT/.venv/bin/python}
BIN=${BIN:-$ROOT/.venv/bin}
OUT=${OUT:-$ROOT/build/mutation}
MODULES=${*:-"search pin config layout tracker trust content"}
PYTEST="$PY -m pytest -x -q -p no:cacheprovider"

# The fastest test subset that covers each module (slow whole-app and timing tests left out). Hypothesis'
# pytest plugin costs a second or more a run: it is loaded only where a test file uses hypothesis.
tests_for() {
  case $1 in
    search) echo "--hypothesis-seed=0 tests/core/test_search.py" ;;
    pin) echo "-p no:hypothesispytest tests/core/test_pin.py tests/core/test_pin_rules.py" \
              "--deselect tests/core/test_pin.py::test_restarted_process_is_still_locked" ;;
    config) echo "-p no:hypothesispytest tests/core/test_config.py" \
                 "tests/core/test_layout_and_navigation.py::test_one_home_for_the_constants -k 'not starts_locked'" ;;
    layout) echo "-p no:hypothesispytest tests/core/test_layout_and_navigation.py" ;;
    # tracker: its unit tests and the case matrix (tests/fixtures/tracker); without the matrix a third of the
    # mutants survived (4 December: 139 of 558 run)
    tracker) echo "tests/editions/test_tracker.py tests/editions/test_tracker_cases.py tests/editions/test_tracker_rules.py" ;;
    # trust: the root chain's rules, the rotation budget, the nine findings and the attacks on the channel
    trust) echo "-p no:hypothesispytest tests/trust/test_trust_edges.py tests/trust/test_root_rotation_rules.py" \
                "tests/trust/test_root_budget.py" \
                "tests/trust/test_first_page_fallback.py tests/trust/test_findings.py tests/trust/test_more_attacks.py" \
                "tests/trust/test_channel.py" ;;
    # content: the installer, the choice of edition and the status, through every GUI-free test that uses them
    content) echo "-p no:hypothesispytest tests/core/test_content.py tests/core/test_content_edges.py" \
                  "tests/core/test_content_survivors.py" \
                  "tests/trust/test_findings.py" \
                  "tests/trust/test_more_attacks.py tests/trust/test_channel.py tests/trust/test_kiosk_status.py" \
                  "tests/trust/test_timestamp_freeze.py tests/trust/test_timestamp_recovery.py" \
                  "tests/trust/test_column_types.py tests/trust/test_absurd_numbers.py" \
                  "tests/trust/test_publisher_advice.py tests/trust/test_fetch_errors.py tests/trust/test_root_budget.py" ;;
    *) echo "unknown module $1" >&2; exit 2 ;;
  esac
}

mkdir -p "$OUT"
rm -rf "$OUT/tree"
mkdir "$OUT/tree"
(cd "$ROOT" && tar --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
    --exclude='*.sqlite' --exclude=__pycache__ -cf - .) | (cd "$OUT/tree" && tar -xf -)
cd "$OUT/tree"
export PYTHONPATH="$OUT/tree"

for module in $MODULES; do
  config="$OUT/$module.toml"
  session="$OUT/$module.sqlite"
  cat > "$config" <<TOML
[cosmic-ray]
module-path = "dongli_desktop/core/$module.py"
timeout = 300.0
excluded-modules = []
test-command = "$PYTEST $(tests_for "$module")"

[cosmic-ray.distributor]
name = "local"

# Left out: arithmetic operators swapped for bitwise/power/modulo ones (a string '+' fails the same way
# under each; '-' stands for them) and '|' itself, which in this code is almost only the
# 'X | None' of annotations that 'from __future__ import annotations' never evaluates.
[cosmic-ray.filters.operators-filter]
exclude-operators = [
  "core/ReplaceBinaryOperator_(Add|Sub|Mul|Div)_(Pow|Mod|FloorDiv|RShift|LShift|BitOr|BitAnd|BitXor)",
  "core/ReplaceBinaryOperator_BitOr_.*",
]
TOML
  echo "== $module: $(tests_for "$module")"
  rm -f "$session"
  "$BIN/cosmic-ray" init "$config" "$session"
  "$BIN/cr-filter-operators" "$session" "$config"
  "$BIN/cr-filter-pragma" "$session"
  nice -n 19 "$BIN/cosmic-ray" baseline "$config"
  nice -n 19 "$BIN/cosmic-ray" exec "$config" "$session"
  "$BIN/cr-report" --show-diff "$session" > "$OUT/$module.txt"
  "$PY" "$HERE/summary.py" "$session"
done
