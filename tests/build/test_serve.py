"""Under `mkdocs serve`, an edited answer reaches the pages that quote it, and serve settles."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tests.conftest import copy_project

ANSWER = Path("docs/answers/gemini/scaling.md")
MARKER = "A sentence added under serve."
# A formula not typeset ahead of time: under serve a note in the log, and the browser typesets it.
FORMULA = "$\\frac{n}{n+1}$"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _shows(url: str, text: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if text in response.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def test_serve__an_edited_answer_regenerates_its_side_by_side_page_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    port = _port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    log: list[str] = []
    reader = threading.Thread(target=lambda: log.extend(server.stderr), daemon=True)
    reader.start()
    url = f"http://127.0.0.1:{port}/side-by-side/scaling/"
    try:
        assert _shows(url, "Side by side, prompt 4", timeout=90), "".join(log)
        path = project / ANSWER
        path.write_text(
            path.read_text(encoding="utf-8") + f"\n{MARKER} {FORMULA}\n", encoding="utf-8"
        )
        assert _shows(url, MARKER, timeout=60), "".join(log)
        time.sleep(4)  # longer than a rebuild: a loop would show as more builds
        builds = sum("Building documentation" in line for line in log)
        time.sleep(4)
        after = sum("Building documentation" in line for line in log)
    finally:
        server.terminate()
        server.wait(timeout=20)
        reader.join(timeout=10)
        server.stderr.close()
    print("".join(log))
    noted = [line for line in log if "a formula not typeset ahead of time" in line]
    assert noted and all(line.startswith("INFO") for line in noted), noted
    regenerated = [line for line in log if "Regenerated from the answers:" in line]
    assert len(regenerated) == 1 and "side-by-side/scaling.md" in regenerated[0]
    # The first build, the edit's, and the one the regenerated pages trigger: then nothing.
    assert builds == after <= 3
    assert (
        "docs/side-by-side/scaling.md"
        not in subprocess.run(
            ["git", "status", "--porcelain"],
            cwd=Path(__file__).parents[2],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    )
