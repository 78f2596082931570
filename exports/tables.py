"""Flat tables for pandas and spreadsheets."""
from __future__ import annotations

from kg.graph import KnowledgeGraph


def csv_texts(kg: KnowledgeGraph) -> dict[str, str]:
    """entities.csv, facts.csv and events.csv as text (UTF-8, with a header row)."""
    return {
        "entities.csv": kg.entities_df().to_csv(index=False, lineterminator="\n"),
        "facts.csv": kg.facts_df().to_csv(index=False, lineterminator="\n"),
        "events.csv": kg.events_df().to_csv(index=False, lineterminator="\n"),
    }
