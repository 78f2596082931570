"""sekg from Python: tables, centrality, communities, neighbourhoods, paths and timelines.

    python docs/analytics_example.py                # build the bundled corpus (a few seconds)
    python docs/analytics_example.py out/sekg.ttl   # or load a graph `sekg build` wrote
"""
from __future__ import annotations

import sys

import pandas as pd

import kg
from kg import analytics as A


def main(data: str | None = None) -> None:
    g = kg.load(data) if data else kg.build()
    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 12)
    pd.set_option("display.max_colwidth", 40)

    # 1. flat tables
    entities, facts, events = g.entities_df(), g.facts_df(), g.events_df()
    print(f"{len(g)} triples: {len(entities)} entities, {len(facts)} facts, {len(events)} events\n")
    print(facts["relation"].value_counts().to_string(), "\n")
    funding = events[events["class"] == "FundingRound"]
    print(funding[["label", "date", "amount", "currency", "round"]].to_string(index=False), "\n")

    # 2. the network: entities as nodes, facts as edges keyed by relation
    G = g.to_networkx()
    print("most central platforms (degree):")
    print(A.centrality_ranking(G, cls="Platform").head(5)[["label", "centrality"]].to_string(index=False))
    print("\nmost central actors (PageRank):")
    print(A.centrality_ranking(G, measure="pagerank").head(5)[["label", "cls", "centrality"]].to_string(index=False))

    # 3. communities (Louvain, seeded: the same answer every run)
    parts = A.communities(G)
    print(f"\n{len(parts)} communities; the three largest:")
    for c in parts[:3]:
        names = sorted(G.nodes[n]["label"][:12] for n in c)
        print(f"  {len(c):>3}  {'、'.join(names[:6])}{' …' if len(names) > 6 else ''}")

    # 4. an actor's neighbourhood, by any of its names
    ego = A.ego_network(G, "Pinduoduo", radius=1)
    print("\n拼多多's neighbourhood:")
    for u, v, rel in sorted(ego.edges(keys=True)):
        print(f"  {G.nodes[u]['label']} -{rel}-> {G.nodes[v]['label']}")

    # 5. how two actors are connected
    print("\n云集 … 拼多多:")
    for path in A.shortest_paths(G, "云集", "拼多多", max_paths=3):
        print("  " + A.describe_path(G, path))

    # 6. one actor's story in date order
    print("\n京东's timeline:")
    print(A.timeline(g, "京东")[["date", "kind", "type", "label"]].to_string(index=False))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
