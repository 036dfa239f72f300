"""environment.yml (for conda users) must pin exactly what pyproject.toml pins."""

from __future__ import annotations

import re
import tomllib

import yaml
from conftest import ROOT


def _pins(requirements):
    return {re.split(r"[\[=]", r, maxsplit=1)[0].lower(): r.split("==")[1] for r in requirements if "==" in r}


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = _pins(project["dependencies"] + project["optional-dependencies"]["test"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert _pins(pip_section) == wanted
