"""The sekg ontology, SHACL shapes and the data the extractor reads (lexicon, cues, rules)."""
from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE / "sekg.ttl"
SHAPES = HERE / "shapes.ttl"
LEXICON = HERE / "lexicon.toml"
CUES = HERE / "cues.toml"
RULES = HERE / "rules.toml"
CONTEXT = HERE / "context.jsonld"
