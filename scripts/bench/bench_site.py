"""Benchmarks for the site: build time, edit-to-served latency, page weight and Lighthouse scores.

Prints Markdown tables; `make bench` runs it and writes them to BENCHMARKS.md. Figures, not
pass/fail.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from machine import describe  # run as a script: its folder is on the path
from selectolax.lexbor import LexborHTMLParser

from ex01.chromium import CHROMIUM_FLAGS, SYSTEM_CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".csv"}


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the client accepts it, as static hosts such as
    GitHub Pages do, so that byte counts match what a reader downloads."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path /= "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _build(config: Path, site: Path, site_url: str | None = None) -> float:
    env = {**ENV, **({"SITE_URL": site_url} if site_url else {})}
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        env=env,
        check=True,
        cwd=ROOT,  # relative paths in mkdocs.yml (snippets base_path) are from here
    )
    return time.perf_counter() - start


def _plain_config_text() -> str:
    """Our mkdocs.yml without the hook, our extensions, overrides and our CSS/JS: a plain
    Material build of the same content, the reference each figure is read against."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^hooks:\n((  #.*|  - .*)\n)+", "", text)
    text = re.sub(r"(?m)^  - ex01\.markdown\.\w+(:\n(      .*\n)+|\n)", "", text)
    text = re.sub(r"(?m)^extra_(css|javascript):\n((  #.*|  - .*)\n)+", "", text)
    text = re.sub(r"(?m)^  custom_dir: overrides\n", "", text)
    text = re.sub(r"(?m)^watch:\n(  - .*\n)+", "", text)
    return text.replace("strict: true", "strict: false")


def _plain_config(folder: Path) -> Path:
    config = folder / "mkdocs.yml"
    config.write_text(f"docs_dir: {ROOT / 'docs'}\n" + _plain_config_text(), encoding="utf-8")
    return config


def bench_build(runs: int) -> list[tuple[str, ...]]:
    pages = len(list((ROOT / "docs").rglob("*.md")))
    with tempfile.TemporaryDirectory() as tmp:
        ours = [_build(ROOT / "mkdocs.yml", Path(tmp) / "site") for _ in range(runs)]
        plain_config = _plain_config(Path(tmp))
        plain = [_build(plain_config, Path(tmp) / "plain") for _ in range(runs)]
    ours_s, plain_s = statistics.median(ours), statistics.median(plain)
    return [
        ("clean build, this site", f"{ours_s:.2f} s", f"{ours_s / pages * 1000:.0f} ms/page"),
        (
            "clean build, plain Material",
            f"{plain_s:.2f} s",
            f"{plain_s / pages * 1000:.0f} ms/page",
        ),
        ("ratio (target <= 1.2)", f"{ours_s / plain_s:.2f}", f"{pages} pages, median of {runs}"),
    ]


MKDOCS_SERVE = [sys.executable, "-m", "mkdocs", "serve", "-q", "-a"]
ZENSICAL_SERVE = [sys.executable, "-m", "zensical", "serve", "-a"]


def bench_serve(edits: int) -> list[tuple[str, ...]]:
    """Edit an answer page under each engine's dev server; time until the served page shows the
    edit. `make serve` runs plain `mkdocs serve`, which rebuilds the whole site after each edit;
    `zensical serve` keeps a cache and rebuilds what changed. Plain Material with the same
    content under `mkdocs serve` is the reference, measured in the same run."""
    rows = []
    cases = (
        ("this site, `mkdocs serve` (`make serve`)", False, MKDOCS_SERVE),
        ("this site, `zensical serve`", False, ZENSICAL_SERVE),
        ("plain Material, `mkdocs serve`", True, MKDOCS_SERVE),
    )
    for label, plain, command in cases:
        latencies = _serve_latencies(edits, plain, command)
        rows.append((
            f"edit-to-served, {label}",
            f"{statistics.median(latencies):.2f} s",
            f"min {min(latencies):.2f} s, max {max(latencies):.2f} s, {edits} edits",
        ))  # fmt: skip
    return rows


def copy_project(project: Path, plain: bool = False) -> None:
    """A copy of what a build reads, to edit: docs, overrides, the hook, scripts and mkdocs.yml
    (plain Material's with `plain`)."""
    for name in ("docs", "overrides", "hooks", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    if plain:
        (project / "mkdocs.yml").write_text(_plain_config_text(), encoding="utf-8")
    else:
        shutil.copy(ROOT / "mkdocs.yml", project)


def _serve_latencies(edits: int, plain: bool, command: list[str]) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        copy_project(project, plain)
        port = _free_port()
        server = subprocess.Popen(
            [*command, f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/answers/gemini/scaling/"
        page = project / "docs" / "answers" / "gemini" / "scaling.md"
        try:
            _wait_for(url, "Gemini, prompt 4", timeout=60)
            latencies = []
            for edit in range(edits):
                marker = f"bench-marker-{edit}"
                time.sleep(1.5)  # let the previous rebuild settle
                start = time.perf_counter()
                page.write_text(
                    page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8"
                )
                _wait_for(url, marker, timeout=30)
                latencies.append(time.perf_counter() - start)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return latencies


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def _serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def bench_weight(site: Path, base: str) -> list[tuple[str, ...]]:
    """Bytes on the wire and requests for a cold load of every page (no cache)."""
    from playwright.sync_api import sync_playwright

    pages = sorted(
        p.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        for p in site.rglob("index.html")
    )
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=SYSTEM_CHROMIUM, args=CHROMIUM_FLAGS)
        for path in pages:
            context = browser.new_context()
            page = context.new_page()
            requests = []
            page.on("requestfinished", lambda request, seen=requests: seen.append(request))
            page.goto(base + path.lstrip("/"), wait_until="networkidle")
            page.wait_for_timeout(500)
            size = sum(
                r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in requests
            )
            rows.append((path or "/", size, len(requests)))
            context.close()
        browser.close()
    rows.sort(key=lambda row: -row[1])
    return [(p, f"{size / 1024:.0f} KiB", str(count)) for p, size, count in rows]


def bench_lighthouse(
    bases: dict[str, str], paths: list[str], runs: int, desktop_runs: int
) -> list[tuple[str, ...]]:
    """Median scores per page: mobile (with the spread of its performance score) and desktop,
    and the mobile performance of the two references (`_chrome_only`, `_plain_config`). The runs
    of the three sites alternate, so that a slower spell of the machine weighs on all alike."""
    rows = []
    for path in paths:
        mobile: list[list[float | None]] = []
        references: dict[str, list[float]] = {"chrome": [], "plain": []}
        for _ in range(runs):
            mobile.append(_lighthouse(bases["site"] + path, "mobile"))
            for name, scores in references.items():
                score = _lighthouse(bases[name] + path, "mobile", "performance")[0]
                if score is not None:
                    scores.append(score)
        desktop = [_lighthouse(bases["site"] + path, "desktop") for _ in range(desktop_runs)]
        performance = [run[0] for run in mobile if run[0] is not None]
        spread = f"{min(performance):.0f}-{max(performance):.0f}" if performance else "n/a"
        rows.append((
            "/" + path,
            _medians(mobile),
            spread,
            *(
                f"{statistics.median(scores):.0f}" if scores else "n/a"
                for scores in references.values()
            ),
            _medians(desktop),
        ))  # fmt: skip
    return rows


def _chrome_only(site: Path, copy: Path, paths: list[str]) -> None:
    """A copy of the built site in which each measured page keeps only its title in the
    article: what Material's own header, navigation, table of contents, footer and scripts
    score on their own, the floor under any content on this machine."""
    shutil.copytree(site, copy)
    for path in paths:
        page = copy / path / "index.html"
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        article = tree.css_first("article.md-content__inner")
        if article is None or article.css_first("h1") is None:
            raise SystemExit(f"{page}: no article with a title to keep")
        for node in list(article.iter(include_text=True)):
            if node.tag != "h1":
                node.decompose()
        page.write_text(tree.html or "", encoding="utf-8")


def _medians(results: list[list[float | None]]) -> str:
    """The median of each category over the runs, joined with slashes."""
    return "/".join(
        "n/a" if None in column else str(round(statistics.median(column)))
        for column in zip(*results, strict=True)
    )


def _lighthouse(
    url: str, preset: str, categories: str = "performance,accessibility,best-practices,seo"
) -> list[float | None]:
    """One Lighthouse run: the category scores (0-100), None where it could not score."""
    command = [
        str(ROOT / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={categories}",
        f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_FLAGS])}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": SYSTEM_CHROMIUM}
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    report = json.loads(result.stdout)
    if error := report.get("runtimeError"):
        print(f"lighthouse {preset} {url}: {error}", file=sys.stderr)
    return [None if c["score"] is None else c["score"] * 100 for c in report["categories"].values()]


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="clean builds to time (median)")
    parser.add_argument("--edits", type=int, default=5, help="edits under each dev server (median)")
    parser.add_argument(
        "--skip", action="append", default=[], help="build, serve, weight, lighthouse"
    )
    parser.add_argument(
        "--lighthouse-runs", type=int, default=5, help="mobile runs per page (median)"
    )
    parser.add_argument("--desktop-runs", type=int, default=3, help="desktop runs per page")
    parser.add_argument(
        "--lighthouse-pages",
        nargs="*",
        default=[
            "",
            "answers/chatgpt/scaling/",
            "chapters/transformers/",
            "comparison/",
            "comparison/evidence/",
            "comparison/metrics/",
            "comparison/coverage/",
            "comparison/methodology/",
        ],
    )
    args = parser.parse_args(argv)
    print(
        f"# Benchmarks ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
        f"{describe()}, `make bench`)\n"
    )
    if "build" not in args.skip:
        print(_table(("build", "time", "per page"), bench_build(args.runs)), "\n")
    if "serve" not in args.skip:
        print(_table(("dev server", "latency", "spread"), bench_serve(args.edits)), "\n")
    with tempfile.TemporaryDirectory() as tmp:
        site, plain_site = Path(tmp) / "site", Path(tmp) / "plain"
        chrome_site = Path(tmp) / "chrome"
        server, base = _serve(site)
        plain_server, plain_base = _serve(plain_site)
        chrome_server, chrome_base = _serve(chrome_site)
        _build(ROOT / "mkdocs.yml", site, site_url=base)
        try:
            if "weight" not in args.skip:
                rows = bench_weight(site, base)
                print(f"Cold load, gzip as on a static host; heaviest first ({len(rows)} pages):\n")
                print(_table(("page", "bytes", "requests"), rows), "\n")
                reading = [float(row[1].split()[0]) for row in rows if row[0] != "print/"]
                print(
                    f"Median page, the print page aside ({len(reading)} pages): "
                    f"{statistics.median(reading):.0f} KiB\n"
                )
            if "lighthouse" not in args.skip:
                _build(_plain_config(Path(tmp)), plain_site, site_url=plain_base)
                pages = [p for p in args.lighthouse_pages if (site / p / "index.html").exists()]
                _chrome_only(site, chrome_site, pages)
                print(
                    "Lighthouse 12.2.3, performance/accessibility/best practices/SEO; mobile "
                    f"median of {args.lighthouse_runs} (and the spread of its performance); "
                    "the mobile performance of the same page with its article emptied but for "
                    "its title (Material's chrome alone) and of plain Material with the same "
                    f"content (its pages show formulas as LaTeX source, since typesetting them "
                    f"is ours), median of {args.lighthouse_runs} each; desktop median of "
                    f"{args.desktop_runs}:\n"
                )
                bases = {"site": base, "chrome": chrome_base, "plain": plain_base}
                rows = bench_lighthouse(bases, pages, args.lighthouse_runs, args.desktop_runs)
                header = (
                    "page", "mobile", "spread", "chrome alone", "plain Material", "desktop"
                )  # fmt: skip
                print(_table(header, rows), "\n")
        finally:
            for running in (server, plain_server, chrome_server):
                running.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
