"""environment.yml lists exactly the dependencies pyproject.toml pins, at the same versions."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
# conda-forge spells a few PyPI names differently
CONDA_NAMES = {"pyyaml": "pyyaml"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    pins = {}
    for spec in specs:
        name, _, version = spec.partition("==")
        assert version, f"{spec} is not pinned with =="
        pins[canonical(name)] = version
    return pins


def environment_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for spec in dep["pip"]:
                name, _, version = spec.partition("==")
                pins[canonical(name)] = version
        elif not dep.startswith(("python=", "pip")) or dep.startswith("pip="):
            name, _, version = dep.partition("=")
            pins[canonical(name)] = version
    return pins


def test_environment_yml_pins_the_same_packages_and_versions():
    assert environment_pins() == pyproject_pins()


def test_environment_yml_uses_python_311():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]
