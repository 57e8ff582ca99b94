"""Test and benchmark probes installed into a running app by ``tools/run_app.py`` (never shipped)."""
