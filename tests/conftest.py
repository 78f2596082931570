"""Shared fixtures: the corpus graph built once per test session, and system tools."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def ensure_debian_packages(binary: str, *packages: str) -> str | None:
    """Path of `binary`, installing Debian packages for it when we are root with apt-get.
    None when it cannot be had here (the caller skips with that reason)."""
    found = shutil.which(binary)
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], capture_output=True, env=env, timeout=300)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], capture_output=True, env=env, timeout=900)
    return shutil.which(binary)


@pytest.fixture(scope="session")
def corpus_build():
    """The bundled corpus built once: a kg.build.BuildResult."""
    from kg.build import build_result
    return build_result()


@pytest.fixture(scope="session")
def corpus_graph(corpus_build):
    return corpus_build.graph


@pytest.fixture(scope="session")
def corpus_out(corpus_graph, tmp_path_factory) -> Path:
    """The outputs of `sekg build` on the corpus, written once."""
    from exports.writer import write_all
    out = tmp_path_factory.mktemp("out")
    write_all(corpus_graph, out)
    return out


@pytest.fixture(scope="session")
def rapper() -> str:
    path = ensure_debian_packages("rapper", "raptor2-utils")
    if not path:
        pytest.skip("rapper (Debian raptor2-utils) is not installed and cannot be installed here")
    return path
