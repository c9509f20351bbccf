"""The GitHub Actions workflow: actions pinned by commit, a deploy never cancelled mid-flight,
and a deploy that installs only what a build needs."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text("utf-8"))
STEPS = [step for job in WORKFLOW["jobs"].values() for step in job["steps"]]


def test_workflow__every_action_pinned_by_full_commit_sha() -> None:
    uses = [step["uses"] for step in STEPS if "uses" in step]
    loose = [use for use in uses if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use)]
    print(uses)
    assert uses and loose == []


def test_workflow__deploy_is_never_cancelled() -> None:
    deploy = WORKFLOW["jobs"]["deploy"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert "concurrency" not in WORKFLOW  # no workflow-wide group that could cancel it


def test_workflow__deploy_installs_the_build_group_only() -> None:
    runs = " ".join(step.get("run", "") for step in WORKFLOW["jobs"]["deploy"]["steps"])
    assert "LOCK_GROUP=docs" in runs and "dev" not in runs


def test_workflow__every_job_has_a_timeout_and_no_default_permissions() -> None:
    assert WORKFLOW["permissions"] == {}
    assert all("timeout-minutes" in job for job in WORKFLOW["jobs"].values())


def test_workflow__deploy_publishes_the_pdf_edition() -> None:
    """The deploy prints the PDF edition into the site it uploads (make pdf: site/downloads/)."""
    steps = WORKFLOW["jobs"]["deploy"]["steps"]
    runs = [step.get("run", "") for step in steps]
    upload = next(step for step in steps if "upload-pages-artifact" in step.get("uses", ""))
    assert any(run.startswith("make pdf ") for run in runs)
    assert upload["with"]["path"] == "site"
