#!/usr/bin/env bash
# A full recertification of the minimum-income programme: 1,000,000 entitled households (about
# 2.5 million persons) with incomes, decisions and explanations written; then the same eligibility
# and amounts computed by one hand-written SQL statement, and the ratio of the two times.
# Options: -Dhouseholds=1000000; -Dhold=true keeps the seeded server up for a look at its database.
exec "$(dirname "$0")/run.sh" RecertificationBenchmark "$@"
