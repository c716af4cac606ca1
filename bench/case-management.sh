#!/usr/bin/env bash
# Case pages and provider-choice lists of signed-in workers: 1,000,000 cases, 100,000 service
# points. Options: -Dcases=1000000 -Dpoints=100000 -Dclients=4 -Drequests=500 -Dwarmups=2
exec "$(dirname "$0")/run.sh" CaseManagementBenchmark "$@"
