"""The lock files (requirements/*.txt, `make lock`) hold exactly pyproject.toml's pins, with
hashes, so that `make` installs what the project says it depends on."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _group(name: str) -> list[str]:
    found = []
    for item in PYPROJECT["dependency-groups"][name]:
        found += _group(item["include-group"]) if isinstance(item, dict) else [item]
    return found


def _pins(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for line in requirements:
        requirement = Requirement(line)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"pyproject.toml pins {line} loosely"
        pins[canonicalize_name(requirement.name)] = specifier.version
    return pins


def _locked(name: str) -> dict[str, str]:
    text = (ROOT / "requirements" / f"{name}.txt").read_text(encoding="utf-8")
    return {
        canonicalize_name(match[1]): match[2]
        for match in re.finditer(r"(?m)^([A-Za-z0-9._-]+)==([^ ;\\]+)", text)
    }


@pytest.mark.parametrize("group", ["dev", "docs"])
def test_lock__holds_every_pin_of_pyproject(group: str) -> None:
    wanted = _pins([*PYPROJECT["project"]["dependencies"], *_group(group)])
    locked = _locked(group)
    differing = {
        name: (version, locked.get(name))
        for name, version in wanted.items()
        if locked.get(name) != version
    }
    print(differing)
    assert differing == {}, "run `make lock`"


@pytest.mark.parametrize("group", ["dev", "docs"])
def test_lock__every_package_has_hashes(group: str) -> None:
    text = (ROOT / "requirements" / f"{group}.txt").read_text(encoding="utf-8")
    entries = re.split(r"(?m)^(?=[A-Za-z0-9._-]+==)", text)[1:]
    without = [entry.split()[0] for entry in entries if "--hash=sha256:" not in entry]
    assert without == []
