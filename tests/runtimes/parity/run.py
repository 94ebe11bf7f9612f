"""Run every parity case and print the results (see harness.py)."""

from tests.runtimes.parity import harness

harness.main()
