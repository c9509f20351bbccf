"""The offline edition as a zip (dist/ex01-offline.zip) whose bytes depend only on the built files.

Usage: python -m ex01.offline SITE_DIR ZIP_PATH (`make offline` runs it after the build).
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from pathlib import Path

# Everything sits in one folder inside the zip, so unpacking does not scatter files.
FOLDER = "ex01-offline"
# Zip's earliest date: entries carry no build clock, so two builds give the same bytes.
TIMESTAMP = (1980, 1, 1, 0, 0, 0)


class LinkOutsideSite(ValueError):
    """A symbolic link in the site folder points outside it: packing it would publish whatever
    it points to."""


def site_files(site_dir: Path) -> list[Path]:
    """Every file below `site_dir`, sorted. A symbolic link whose target lies inside the site
    folder is packed as that file; one leading outside it is refused, naming it."""
    root = site_dir.resolve()
    files = []
    for folder, folders, names in os.walk(site_dir, followlinks=False):
        for name in [*folders, *names]:
            path = Path(folder) / name
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                raise LinkOutsideSite(
                    f"{path}: a symbolic link to {path.resolve()}, outside the site folder; "
                    "refusing to pack it"
                )
        files += [Path(folder) / name for name in names if (Path(folder) / name).is_file()]
    return sorted(files)


def pack(site_dir: Path, zip_path: Path) -> int:
    """Write every file below `site_dir` into `zip_path`, sorted, with fixed dates and modes.

    Returns the number of files. The zip is written to a temporary file first, then renamed.
    """
    files = site_files(site_dir)
    if not any(path.name == "index.html" for path in files):
        raise FileNotFoundError(f"{site_dir}: no index.html (build the offline edition first)")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=zip_path.parent, suffix=".zip.tmp")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in files:
                entry = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site_dir).as_posix()}")
                entry.date_time = TIMESTAMP
                entry.external_attr = 0o644 << 16
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, path.read_bytes(), compresslevel=9)
        # mkstemp makes the file private (0600); a download to hand out is readable by all.
        os.chmod(temporary, 0o644)
        os.replace(temporary, zip_path)
    except BaseException:
        os.unlink(temporary)
        raise
    return len(files)


def main(argv: list[str] | None = None) -> int:
    """Pack the built offline edition; exit 2 with one line when the site folder is not built or
    holds a link leading out of it."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m ex01.offline SITE_DIR ZIP_PATH", file=sys.stderr)
        return 2
    site_dir, zip_path = Path(args[0]), Path(args[1])
    try:
        count = pack(site_dir, zip_path)
    except (FileNotFoundError, LinkOutsideSite) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{zip_path}: {count} files, {zip_path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
