#!/usr/bin/env bash
# Acceptance 3 of issue 15, reproducible: change ONE contract schema and show that
# the backend, the device gateway and the web app all fail (typecheck or tests),
# then restore the file. Not part of CI (it edits a source file while it runs).
#   bash scripts/contractProbe.sh
set -uo pipefail
cd "$(dirname "$0")/.."
file=backend/src/contracts/names.ts
git diff --quiet -- "$file" || { echo "$file has local changes; commit or stash them first"; exit 2; }
trap 'git checkout -q -- "$file"' EXIT
# The probe: the alarm payload's severity enum renames `critical` (Severity is used by AlarmPayload,
# DeviceAlarmBody, IncidentSummary and IncidentView).
sed -i "s/export const SEVERITIES = \['critical'/export const SEVERITIES = ['urgent'/" "$file"
echo "== backend + seed + tests (tsc)";  npx tsc -p tsconfig.json --noEmit | grep -c "error TS" | sed 's/$/ type errors/'
echo "== web app (tsc)";                 (cd frontend && npx tsc -p tsconfig.json --noEmit) | grep -c "error TS" | sed 's/$/ type errors/'
echo "== device gateway (tests)";        npx vitest run device-gateway/src/handlers/deviceAlarm.test.ts 2>&1 | grep -E "Tests +[0-9]" | sed 's/\x1b\[[0-9;]*m//g'
