"""Loading the extractor's data files from ``ontology/`` once per process."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

import ontology


def _load(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=None)
def lexicon() -> list[dict]:
    """Known actors: dicts with zh, en, class, aliases."""
    return _load(ontology.LEXICON)["actor"]


@lru_cache(maxsize=None)
def cues() -> dict:
    return _load(ontology.CUES)


@lru_cache(maxsize=None)
def rules() -> dict:
    return _load(ontology.RULES)


@lru_cache(maxsize=None)
def cue_pattern(section: str, key: str) -> re.Pattern:
    """The compiled regex at ``[section] key`` of cues.toml."""
    return re.compile(cues()[section][key])
