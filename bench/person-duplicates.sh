#!/usr/bin/env bash
# The duplicate check before registering a person, with 2.5 million persons in the register.
# Options: -Dpersons=2500000 -Dclients=4 -Drequests=500; -DshowMisses=true prints typed persons not
# found; -Dhold=true keeps the seeded server up for a look at its database.
exec "$(dirname "$0")/run.sh" PersonDuplicateBenchmark "$@"
