"""`mkdocs serve --dirty` (`make serve`) rebuilds only what an edit needs, and serves exactly the
site a clean build of the same sources gives (scripts/ex01/incremental.py).

One real `mkdocs serve --dirty` on a copy of the project takes a series of edits. After each,
every file of a clean `mkdocs build` of the edited sources is fetched from the server and must
be byte-identical, once the live-reload script the server adds to HTML is taken out; the
server's log must show which way it rebuilt (only the edited page, every page written again,
or a full build).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project

# The script mkdocs' LiveReloadServer puts before </body> of every HTML page it serves.
LIVERELOAD = re.compile(
    rb"<script>\nvar livereload = function\(epoch, requestId\) \{.*?"
    rb"livereload\(\d+, \d+\);\n</script>",
    re.DOTALL,
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


class Server:
    """`mkdocs serve --dirty` running on a copy of the project, its log kept."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.url = f"http://127.0.0.1:{_free_port()}/"
        self.log = project / "serve.log"
        self._log_file = self.log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", self.url[7:-1]],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        self.wait_for("", b"</html>")

    def wait_for(self, path: str, text: bytes, timeout: float = 60) -> None:
        """Until the served page at `path` holds `text` (a request waits for a running build)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve --dirty exited:\n{self.log.read_text()}")
            try:
                if text in _get(self.url + path):
                    return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        pytest.fail(f"{path} did not show {text!r} within {timeout} s:\n{self.log.read_text()}")

    def rebuilds(self) -> list[str]:
        """The lines scripts/ex01/incremental.py logged, one per build."""
        return re.findall(r"(?m)(?:Full rebuild:|Rebuilt) .*$", self.log.read_text())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self._log_file.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(copy_project(tmp_path_factory.mktemp("project")))
    yield running
    running.stop()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: {old!r} should occur once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _assert_serves_clean_build(server: Server, tmp_path: Path) -> None:
    """Every file of a clean build of the project as it is now is served byte for byte."""
    reference = tmp_path / "reference"
    result = build_site(server.project, reference, site_url=server.url)
    assert result.returncode == 0, result.stderr
    different = []
    files = sorted(p for p in reference.rglob("*") if p.is_file())
    for path in files:
        relative = path.relative_to(reference).as_posix()
        served = _get(server.url + relative)
        if relative.endswith(".html"):
            served = LIVERELOAD.sub(b"", served)
        if served != path.read_bytes():
            different.append(relative)
    assert not different, f"{len(different)} of {len(files)} files differ: {different[:10]}"


# The edits run in this order on the one server; each test checks the site after its own.
# (page edited, text replaced, replacement, a served page that shows it, the rebuild logged)
EDITS = [
    pytest.param(
        "answers/gemini/scaling.md",
        "and potential implications.",
        "and potential implications. Incremental edit one.",
        "answers/gemini/scaling/",
        "Rebuilt 1 of 24 pages; kept the others from the last build",
        id="an answer page: only that page is read again",
    ),
    pytest.param(
        "index.md",
        "This is the web edition",
        "Incremental edit two. This is the web edition",
        "",
        "Rebuilt 1 of 24 pages; kept the others from the last build",
        id="the home page: Material's own merge would drop every other page from search",
    ),
    pytest.param(
        "chapters/gans.md",
        "\n# Generative adversarial networks\n",
        "\n# Generative adversarial networks (incremental edit three)\n",
        "chapters/vaes/",
        "a title changed, so every page is written again",
        id="a page's title: every page's navigation shows it",
    ),
    pytest.param(
        "includes/abbreviations.md",
        "*[GAN]: Generative adversarial network:",
        "*[GAN]: Generative adversarial network (incremental edit four):",
        "chapters/gans/",
        "Full rebuild: docs/includes/abbreviations.md changed",
        id="a snippet every page includes: a full build",
    ),
]


@pytest.mark.parametrize(("page", "old", "new", "shown_on", "logged"), EDITS)
def test_serve_dirty__serves_what_a_clean_build_gives(
    server: Server, tmp_path: Path, page: str, old: str, new: str, shown_on: str, logged: str
) -> None:
    builds = len(server.rebuilds())
    _edit(server.project / "docs" / page, old, new)
    server.wait_for(shown_on, re.search(r"[Ii]ncremental edit \w+", new)[0].encode())
    latest = server.rebuilds()[builds:]
    assert latest and logged in latest[-1], latest
    _assert_serves_clean_build(server, tmp_path)


def test_serve_dirty__a_link_broken_by_an_edit_fails_the_rebuild(
    server: Server, tmp_path: Path
) -> None:
    """The pages kept from the last build still have their links checked against the edited
    page's anchors, as in a clean build: in strict mode, the rebuild fails."""
    _edit(
        server.project / "docs" / "chapters" / "gans.md",
        "{#minimax-objective}",
        "{#minimax-game}",
    )
    deadline = time.monotonic() + 60
    while "Aborted with" not in server.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    log = server.log.read_text()
    assert "Aborted with" in log, log
    broken = "'../../chapters/gans.md#minimax-objective'"
    reference = build_site(server.project, tmp_path / "reference", site_url=server.url)
    assert reference.returncode != 0
    assert broken in reference.stderr and broken in log, log
