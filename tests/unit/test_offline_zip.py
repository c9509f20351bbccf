"""The offline edition's zip: sorted entries, fixed dates, readable by everyone who gets it."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from ex01.offline import LinkOutsideSite, pack


def _site(root: Path) -> Path:
    (root / "site" / "b").mkdir(parents=True)
    (root / "site" / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    (root / "site" / "b" / "page.html").write_text("<h1>b</h1>", encoding="utf-8")
    return root / "site"


def test_pack__zip_is_readable_by_all(tmp_path: Path) -> None:
    zip_path = tmp_path / "dist" / "ex01-offline.zip"
    assert pack(_site(tmp_path), zip_path) == 2
    assert stat.S_IMODE(zip_path.stat().st_mode) == 0o644
    assert zipfile.ZipFile(zip_path).namelist() == sorted(zipfile.ZipFile(zip_path).namelist())


def test_pack__refuses_a_folder_without_a_site(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match=r"no index\.html"):
        pack(tmp_path / "empty", tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()


def test_pack__refuses_a_link_leading_out_of_the_site(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (tmp_path / "secret.txt").write_text("not for readers", encoding="utf-8")
    (site / "b" / "notes.txt").symlink_to(tmp_path / "secret.txt")
    zip_path = tmp_path / "dist" / "ex01-offline.zip"
    with pytest.raises(LinkOutsideSite, match=r"b/notes\.txt: a symbolic link to .*secret\.txt"):
        pack(site, zip_path)
    assert not zip_path.exists()


def test_pack__refuses_a_linked_folder_outside_the_site(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (site / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(LinkOutsideSite, match="linked: a symbolic link"):
        pack(site, tmp_path / "out.zip")


def test_pack__a_link_within_the_site_is_packed_as_its_file(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "home.html").symlink_to(site / "index.html")
    zip_path = tmp_path / "out.zip"
    assert pack(site, zip_path) == 3
    assert zipfile.ZipFile(zip_path).read("ex01-offline/home.html") == b"<h1>home</h1>"
