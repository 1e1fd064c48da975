#!/usr/bin/env bash
# terraform fmt -check over every .tf file of terraform/ (the jest tests cannot run it: they must not
# depend on a terraform binary, and they never skip). Needs no providers and no network.
#   terraform/tests/fmt-check.sh            fails when a file is not formatted; when terraform is not
#                                           installed, says so and exits 0
#   terraform/tests/fmt-check.sh --require  also fails (exit 1) when terraform is not installed
# TF=/path/to/terraform overrides the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
TF="${TF:-terraform}"

if ! command -v "$TF" >/dev/null 2>&1; then
  echo "fmt-check: terraform is not installed (https://developer.hashicorp.com/terraform/install); terraform fmt -check did not run."
  [ "${1:-}" = "--require" ] && exit 1
  exit 0
fi

if "$TF" fmt -check -recursive -diff . 2>/dev/null; then
  echo "fmt-check: every .tf file under terraform/ is formatted."
else
  echo "fmt-check: the files above are not formatted: run 'terraform fmt -recursive terraform' (or make fmt)." >&2
  exit 1
fi
