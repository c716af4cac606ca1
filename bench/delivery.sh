#!/usr/bin/env bash
# Delivery records and claims: bulk ingestion through the API, single records at a steady rate,
# and the month's claims built from 1,000,000 confirmed records. Options: -Dagreements=2000
# -Ddays=100 -Dbatch=10000 -Dsenders=2 -Drate=100 -Dsingles=2000 -DclaimRecords=1000000
exec "$(dirname "$0")/run.sh" DeliveryBenchmark "$@"
