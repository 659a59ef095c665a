#!/usr/bin/env bash
# Compares `datachallenge score` with pandas read_csv + align by id + scikit-learn, and with `wc -l` (the floor).
# Usage: bench/scoring-vs-pandas.sh [RUNS] ; env: BENCH_DIR (data folder), PANDAS_RUNS, CASES (space separated).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
pandas_runs="${PANDAS_RUNS:-3}"
data="${BENCH_DIR:-/tmp/datachallenge-bench}"
cases="${CASES:-binary-1m binary-10m multiclass10-1m regression-10m}"
out="$data/out"

# The native CLI is linked by clang, or by gcc when clang is absent.
if ! /usr/bin/python3 -c 'import pandas, sklearn' 2>/dev/null || [ ! -x /usr/bin/time ] \
  || { ! command -v clang && ! command -v gcc; } >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pandas python3-sklearn time gcc >/dev/null
fi

# The native build the README describes: the tool and the runtime compiled ahead of time into one executable, so a short
# run pays no JIT and starts in milliseconds, and its baseline memory is a third lower. Its intermediate files go to a
# folder of their own, so that they never mix with those of the framework-dependent builds in the source tree.
echo "Building the native CLI (Release, compiled ahead of time; a few minutes the first time)..."
dotnet publish -c Release --nologo -v quiet "$root/src/DataChallenge.Cli/DataChallenge.Cli.csproj" -o "$data/cli" \
  -p:PublishAot=true --artifacts-path "$data/build" >/dev/null
dotnet build -c Release --nologo -v quiet "$root/bench/DataChallenge.Scoring.Benchmarks/DataChallenge.Scoring.Benchmarks.csproj" >/dev/null
cli="$data/cli/datachallenge"
if [ ! -f "$data/.generated" ]; then
  echo "Generating data in $data..."
  dotnet "$root/bench/DataChallenge.Scoring.Benchmarks/bin/Release/net10.0/DataChallenge.Scoring.Benchmarks.dll" generate "$data"
  touch "$data/.generated"
fi
mkdir -p "$out"

# Runs a command N times; prints "median_seconds max_rss_kb". Wall time from the nanosecond clock (GNU time rounds
# to 10 ms, too coarse for `wc`); peak RSS from GNU time, the largest of the runs.
measure() {
  local n="$1"; shift
  local times=() rss=0 start end
  for _ in $(seq "$n"); do
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$out/time" "$@" >"$out/stdout" 2>"$out/stderr" || { cat "$out/stderr" >&2; return 1; }
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000 ))")
    m=$(tail -n 1 "$out/time")
    [ "$m" -gt "$rss" ] && rss="$m"
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v r="$rss" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.4f %d\n", m/1e6, r}'
}

echo
echo "Bootstrap interval OFF for our timing (--bootstrap 0): pandas computes none. Medians of $runs runs (pandas: $pandas_runs)."
echo "Machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %9s %9s %9s %10s %10s %11s %11s %s\n' case pandas_s wc_s ours_s vs_pandas vs_wc files_MB peak_MB peak/files
for c in $cases; do
  dir="$data/$c"
  metric="$(cat "$dir/metric")"
  cat "$dir/labels.csv" "$dir/predictions.csv" >/dev/null # warm the page cache
  read -r pandas_s _ < <(measure "$pandas_runs" /usr/bin/python3 "$root/bench/pandas_score.py" "$c" "$dir/labels.csv" "$dir/predictions.csv")
  pandas_value="$(cat "$out/stdout")"
  read -r wc_s _ < <(measure "$runs" wc -l "$dir/labels.csv" "$dir/predictions.csv")
  read -r ours_s ours_kb < <(measure "$runs" "$cli" score --labels "$dir/labels.csv" --predictions "$dir/predictions.csv" \
    --config "$dir/scoring.json" --metric "$metric" --bootstrap 0 --json)
  ours_value="$(sed -E 's/.*"value":([^,}]*).*/\1/' "$out/stdout")"
  bytes=$(( $(stat -c %s "$dir/labels.csv") + $(stat -c %s "$dir/predictions.csv") ))
  awk -v c="$c" -v p="$pandas_s" -v w="$wc_s" -v o="$ours_s" -v b="$bytes" -v k="$ours_kb" 'BEGIN {
    printf "%-16s %9.3f %9.4f %9.3f %9.1fx %9.1fx %11.1f %11.1f %9.2fx\n", c, p, w, o, p/o, o/w, b/1e6, k*1024/1e6, k*1024/b }'
  echo "    $metric: ours $ours_value, pandas+sklearn $pandas_value"
done
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Goals: vs_pandas >= 20x, vs_wc (ours/wc) <= 25x, peak/files <= 3x."
