#!/usr/bin/env bash
# PrairieLearn runs this in the grader's container for every submission: `socklab check` on the
# student's file in /grade/student, results in /grade/results/results.json (PrairieLearn does
# not make the folder). EXERCISE, ROLE, PROGRAM, ARGS and REPORT_LANG say what is checked (the
# question's externalGradingOptions.environment sets them). GRADE, SOCKLAB and PYTHON replace
# /grade, the installed socklab and python3 (for trying it out elsewhere).
set -u
grade=${GRADE:-/grade}
socklab=${SOCKLAB:-socklab}
python=${PYTHON:-python3}
EXERCISE=${EXERCISE:-tcp-echo}
ROLE=${ROLE:-server}
PROGRAM=${PROGRAM:-TCPserver.py}
ARGS=${ARGS:-"tcp {port}"}
REPORT_LANG=${REPORT_LANG:-en-US}
# More `socklab check` options, e.g. --weights /grade/serverFilesCourse/socklab/weights.txt
EXTRA=${EXTRA:-}
mkdir -p "$grade/results"
results=$grade/results/results.json
if [ ! -f "$grade/student/$PROGRAM" ]; then
  printf '{"gradable": false, "format_errors": ["No %s in the submission."]}\n' "$PROGRAM" >"$results"
  exit 0
fi
cd "$grade/student" || exit 0
# shellcheck disable=SC2086 # ARGS and EXTRA are lists of words.
"$socklab" --lang "$REPORT_LANG" check "$EXERCISE" "$ROLE" --prairielearn "$results" $EXTRA \
  -- "$python" "$grade/student/$PROGRAM" $ARGS
code=$?
# 0: every required check passed; 1: one failed (results.json says which); 2: no check ran.
if [ "$code" -eq 2 ] || [ ! -f "$results" ]; then
  printf '{"gradable": false, "format_errors": ["socklab could not check %s (exit code %s)."]}\n' \
    "$PROGRAM" "$code" >"$results"
fi
exit 0
