"""Graph analytics over `KnowledgeGraph.to_networkx()`."""
from __future__ import annotations

import networkx as nx
import pandas as pd


def centrality_ranking(g: nx.MultiDiGraph, cls: str | None = None) -> pd.DataFrame:
    """Actors by degree centrality (undirected), optionally of one class."""
    cent = nx.degree_centrality(g.to_undirected(as_view=True)) if len(g) > 1 else {n: 0.0 for n in g}
    rows = [{"iri": n, "label": d.get("label"), "cls": d.get("cls"), "centrality": cent.get(n, 0.0)}
            for n, d in g.nodes(data=True) if cls is None or d.get("cls") == cls]
    df = pd.DataFrame(rows, columns=["iri", "label", "cls", "centrality"])
    return df.sort_values(["centrality", "iri"], ascending=[False, True]).reset_index(drop=True)
