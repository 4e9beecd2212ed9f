"""The GitHub Pages workflow cannot run here, so it is checked: schema, and what it must do for a fork."""
import subprocess
import sys
from pathlib import Path

import yaml

from support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
CHECKER = Path(sys.executable).parent / "check-jsonschema"


def schema_check(path: Path):
    return subprocess.run([str(CHECKER), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True)


def test_the_workflow_matches_githubs_schema():
    run = schema_check(WORKFLOW)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "pages.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest", 1))
    assert schema_check(broken).returncode != 0


def test_the_workflow_builds_with_the_readme_setup_and_publishes_with_the_official_actions():
    flow = yaml.safe_load(WORKFLOW.read_text())
    steps = flow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps + flow["jobs"]["deploy"]["steps"]]
    for action in ("actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages"):
        assert action in uses
    build = next(s for s in steps if "run" in s)
    assert build["run"] == "./run.sh build"
    assert build["env"]["SUPPORTWIJZER_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == "site"
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
