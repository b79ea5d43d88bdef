#!/bin/sh
# Regenerate the SciPy fixtures (needs Debian's python3-scipy; see STACK.md §4.12):
#   sh test/reference/make-fixtures.sh
set -e
cd "$(dirname "$0")/../.."
spec() {
  node -e '
const s = require("./test/reference/interaction-spec.json");
process.stdout.write(JSON.stringify({ ...s, rtol: 1e-10, atolRel: 1e-14, methods: ["LSODA"], reps: 0 }));
'
}
spec | PYENV_VERSION=system python3 bench/ref/interaction_ref.py > test/reference/interaction-scipy.json
echo "wrote test/reference/interaction-scipy.json (full liver state)"
spec | PYENV_VERSION=system python3 bench/ref/interaction_qss_ref.py > test/reference/interaction-scipy-qss.json
echo "wrote test/reference/interaction-scipy-qss.json (QSS liver)"
