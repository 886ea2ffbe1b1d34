# pt-PT: socklab check: checks' titles, verdicts' reasons and the reports
