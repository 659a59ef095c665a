#!/usr/bin/env bash
# Sandbox start-up overhead of an empty code run (/bin/true, and a main.py that does nothing) under bubblewrap, against
# the same process started without the sandbox: p50/p99 of each and the ratio of the medians. Goal: sandbox p50 < 150 ms.
#   bash bench/code-runs.sh          # 50 runs per case
#   RUNS=200 bash bench/code-runs.sh
# Run as root for the cgroup limits the worker applies in production (memory, pids, cpu).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
dotnet build -c Release "$ROOT/bench/DataChallenge.CodeRun.Bench" -nologo -v q > /tmp/code-runs-bench-build.log \
  || { cat /tmp/code-runs-bench-build.log; exit 1; }
dotnet "$ROOT/bench/DataChallenge.CodeRun.Bench/bin/Release/net10.0/DataChallenge.CodeRun.Bench.dll" "${RUNS:-50}"
