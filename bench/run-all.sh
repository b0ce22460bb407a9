#!/bin/sh
# The three data sizes of bench/RESULTS.md, one after the other (each seeded beforehand with npm run bench:seed).
set -e
npm run -s build:bench
for db in insuredesk_bench insuredesk_bench_100k insuredesk_bench_10k; do
  uptime
  node bench/.build/bench/run/main.js --database-url "mysql://root@127.0.0.1:3306/$db" "$@"
done
uptime
