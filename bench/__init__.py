"""AdLens benchmarks: `make bench` runs every case in its own process, prints a table and
writes bench/results.json. Targets are reported, never asserted in tests."""
