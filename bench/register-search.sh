#!/usr/bin/env bash
# The public register search under load: 100,000 service points, 50 concurrent clients.
# Options: -Dpoints=100000 -Dclients=50 -Drequests=200 -Dwarmups=2
# -Dphases=floor,api,page,export (any of them); -Dhold=true keeps the seeded server up.
exec "$(dirname "$0")/run.sh" RegisterSearchBenchmark "$@"
