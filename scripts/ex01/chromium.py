"""Where the system Chromium is, and the flags it needs on these machines (tests and benchmarks)."""

# Debian's chromium package: a browser download (`playwright install`) fails on these machines.
SYSTEM_CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps trying hosts that this closed network refuses.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
