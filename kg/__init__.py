"""sekg: a knowledge graph of China's social e-commerce ecosystem.

    import kg
    g = kg.build(["corpus/"])       # or kg.load("out/sekg.ttl")
    g.entities_df(); g.facts_df(); g.events_df()
    g.to_networkx(); g.query("SELECT ...")
"""
from kg.build import build
from kg.graph import KnowledgeGraph, load

__all__ = ["build", "load", "KnowledgeGraph"]
