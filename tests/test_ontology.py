"""Tests for the OWL ontology (ontology/sekg.ttl) and the SHACL shapes (ontology/shapes.ttl).

SHACL validation is run the way ``sekg validate`` should run it::

    pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")

``ont_graph`` supplies the rdfs:subClassOf axioms (so ``sh:targetClass sekg:Actor``
reaches a ``sekg:Platform``); ``inference="none"`` because RDFS inference would use the
ontology's rdfs:range axioms to *type* every object of ``sekg:listedOn`` as a
``sekg:Exchange``, and the range checks could then never fail (see
``test_rdfs_inference_would_hide_range_errors``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib import namespace as rns
from rdflib.namespace import OWL, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_TTL = ROOT / "ontology" / "sekg.ttl"
SHAPES_TTL = ROOT / "ontology" / "shapes.ttl"
DESIGN_MD = ROOT / "docs" / "design.md"
SPEC_CANDIDATES = [ROOT / "SPEC.md", ROOT / "docs" / "SPEC.md", ROOT.parent / "shared" / "SPEC.md"]

SEKG = Namespace("https://w3id.org/sekg/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
ONTOLOGY_IRI = URIRef("https://w3id.org/sekg/ontology")

ACTOR_CLASSES = ["Platform", "Brand", "MCN", "Regulator", "ServiceProvider", "Investor",
                 "Exchange", "Company", "Association", "Person"]
OTHER_CLASSES = ["Actor", "Product", "Document", "Sector", "Event", "Fact", "Evidence",
                 "SourceDocument"]
EVENT_CLASSES = ["Listing", "FundingRound", "Acquisition", "Partnership", "PolicyIssuance",
                 "Penalty", "Launch"]
RELATIONS = ["investedIn", "listedOn", "regulates", "partnersWith", "acquired", "issued",
             "penalized", "launched", "subsidiaryOf"]
ROLES = {  # role property -> (event class, range class)
    "listedCompany": ("Listing", "Actor"),
    "exchange": ("Listing", "Exchange"),
    "fundedCompany": ("FundingRound", "Actor"),
    "investor": ("FundingRound", "Actor"),
    "leadInvestor": ("FundingRound", "Actor"),
    "acquirer": ("Acquisition", "Actor"),
    "acquiredCompany": ("Acquisition", "Actor"),
    "partner": ("Partnership", ("Actor", "Product")),
    "issuer": ("PolicyIssuance", ("Actor", "Product")),
    "policyDocument": ("PolicyIssuance", "Document"),
    "penalizingBody": ("Penalty", "Regulator"),
    "penalizedParty": ("Penalty", ("Actor", "Product")),
    "launcher": ("Launch", ("Actor", "Product")),
    "launchedProduct": ("Launch", ("Product", "Brand")),
}
DATATYPE_PROPERTIES = {
    "date": RDFS.Literal, "amount": rns.XSD.decimal, "currency": rns.XSD.string, "round": rns.XSD.string,
    "status": rns.XSD.string, "confidence": rns.XSD.decimal, "sentence": rns.XSD.string,
    "startOffset": rns.XSD.integer, "endOffset": rns.XSD.integer, "rule": rns.XSD.string,
    "stockCode": rns.XSD.string, "sha1": rns.XSD.string,
}
OBJECT_PROPERTIES = RELATIONS + list(ROLES) + ["participant", "evidence", "sourceDocument"]
ALL_CLASSES = ACTOR_CLASSES + OTHER_CLASSES + EVENT_CLASSES
ALL_PROPERTIES = OBJECT_PROPERTIES + list(DATATYPE_PROPERTIES)


# --------------------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ont() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


def declared_terms(g: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
             RDF.Property)
    return {s for k in kinds for s in g.subjects(RDF.type, k)
            if isinstance(s, URIRef) and str(s).startswith(str(SEKG))}


def union_members(g: Graph, node) -> set:
    """The classes of an owl:unionOf class expression (or {node} for a named class)."""
    if isinstance(node, URIRef):
        return {node}
    lst = g.value(node, OWL.unionOf)
    assert lst is not None, f"{node} is neither a named class nor an owl:unionOf"
    return set(Collection(g, lst))


# --------------------------------------------------------------------------------------
# the ontology
# --------------------------------------------------------------------------------------

def test_ontology_parses_and_has_header(ont):
    assert len(ont) > 300
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ont
    assert ont.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    dcterms = Namespace("http://purl.org/dc/terms/")
    assert {lit.language for lit in ont.objects(ONTOLOGY_IRI, dcterms.title)} >= {"zh", "en"}
    assert any(True for _ in ont.objects(ONTOLOGY_IRI, dcterms.description))


def test_every_term_has_zh_and_en_label_and_definition(ont):
    terms = declared_terms(ont)
    assert len(terms) >= len(ALL_CLASSES) + len(ALL_PROPERTIES)
    problems = []
    for t in sorted(terms):
        labels = list(ont.objects(t, RDFS.label))
        zh = [l for l in labels if isinstance(l, Literal) and l.language == "zh"]
        en = [l for l in labels if isinstance(l, Literal) and l.language == "en"]
        defs_en = [d for d in ont.objects(t, SKOS.definition)
                   if isinstance(d, Literal) and d.language == "en"]
        if len(zh) != 1:
            problems.append(f"{t}: {len(zh)} @zh labels")
        if len(en) != 1:
            problems.append(f"{t}: {len(en)} @en labels")
        if not defs_en or not all(str(d).strip() for d in defs_en):
            problems.append(f"{t}: no @en skos:definition")
        if (t, RDFS.isDefinedBy, ONTOLOGY_IRI) not in ont:
            problems.append(f"{t}: no rdfs:isDefinedBy")
    assert not problems, "\n".join(problems)


def test_every_sekg_term_used_is_declared(ont):
    used = {n for tr in ont for n in tr
            if isinstance(n, URIRef) and str(n).startswith(str(SEKG))}
    assert used <= declared_terms(ont), sorted(used - declared_terms(ont))


@pytest.mark.parametrize("name", ALL_CLASSES)
def test_class_declared(ont, name):
    assert (SEKG[name], RDF.type, OWL.Class) in ont


@pytest.mark.parametrize("name", OBJECT_PROPERTIES)
def test_object_property_declared(ont, name):
    assert (SEKG[name], RDF.type, OWL.ObjectProperty) in ont


@pytest.mark.parametrize("name,rng", sorted(DATATYPE_PROPERTIES.items()))
def test_datatype_property_declared(ont, name, rng):
    assert (SEKG[name], RDF.type, OWL.DatatypeProperty) in ont
    assert ont.value(SEKG[name], RDFS.range) == rng


def test_class_hierarchy(ont):
    for c in ACTOR_CLASSES:
        assert (SEKG[c], RDFS.subClassOf, SEKG.Actor) in ont, c
    for c in EVENT_CLASSES:
        assert (SEKG[c], RDFS.subClassOf, SEKG.Event) in ont, c
    prov = Namespace("http://www.w3.org/ns/prov#")
    schema = Namespace("https://schema.org/")
    assert (SEKG.Fact, RDFS.subClassOf, RDF.Statement) in ont
    assert (SEKG.Evidence, RDFS.subClassOf, prov.Entity) in ont
    assert (SEKG.SourceDocument, RDFS.subClassOf, prov.Entity) in ont
    assert (SEKG.SourceDocument, RDFS.subClassOf, schema.CreativeWork) in ont


def test_partners_with_is_symmetric(ont):
    assert (SEKG.partnersWith, RDF.type, OWL.SymmetricProperty) in ont


def test_relation_domains_and_ranges(ont):
    def dom(p):
        return union_members(ont, ont.value(SEKG[p], RDFS.domain))

    def rng(p):
        return union_members(ont, ont.value(SEKG[p], RDFS.range))

    assert rng("listedOn") == {SEKG.Exchange}
    assert rng("issued") == {SEKG.Document}
    assert rng("launched") == {SEKG.Product, SEKG.Brand}
    assert dom("penalized") == {SEKG.Regulator}
    assert dom("regulates") == {SEKG.Regulator}
    for p in ["investedIn", "acquired"]:
        assert dom(p) == rng(p) == {SEKG.Actor}, p
    # a business line or sub-platform (a Product) acts as an organisation, and is regulated
    assert rng("regulates") == {SEKG.Actor, SEKG.Product, SEKG.Sector}
    assert rng("penalized") == {SEKG.Actor, SEKG.Product}
    assert dom("partnersWith") == rng("partnersWith") == {SEKG.Actor, SEKG.Product}
    assert dom("subsidiaryOf") == {SEKG.Actor, SEKG.Product}
    assert rng("subsidiaryOf") == {SEKG.Actor}
    assert dom("launched") == dom("issued") == {SEKG.Actor, SEKG.Product}
    assert dom("evidence") == {SEKG.Fact, SEKG.Event}
    assert rng("evidence") == {SEKG.Evidence}
    assert dom("sourceDocument") == {SEKG.Evidence}
    assert rng("sourceDocument") == {SEKG.SourceDocument}
    prov = Namespace("http://www.w3.org/ns/prov#")
    assert (SEKG.evidence, RDFS.subPropertyOf, prov.wasDerivedFrom) in ont
    assert (SEKG.sourceDocument, RDFS.subPropertyOf, prov.hadPrimarySource) in ont


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role_properties(ont, role):
    event_cls, range_cls = ROLES[role]
    assert ont.value(SEKG[role], RDFS.domain) == SEKG[event_cls]
    if isinstance(range_cls, tuple):  # a business line (Product) acts as an organisation
        assert union_members(ont, ont.value(SEKG[role], RDFS.range)) == {SEKG[c] for c in range_cls}
    else:
        assert ont.value(SEKG[role], RDFS.range) == SEKG[range_cls]
    supers = set(ont.transitive_objects(SEKG[role], RDFS.subPropertyOf))
    assert SEKG.participant in supers
    if role == "leadInvestor":
        assert (SEKG.leadInvestor, RDFS.subPropertyOf, SEKG.investor) in ont


def _sekg_terms_in(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r"\bsekg:([A-Za-z][A-Za-z0-9_]*)", text))


def test_terms_of_design_md_exist(ont):
    if not DESIGN_MD.exists():
        pytest.skip("docs/design.md not found")
    names = _sekg_terms_in(DESIGN_MD)
    assert names, "no sekg: terms found in design.md"
    missing = sorted(n for n in names if SEKG[n] not in declared_terms(ont))
    assert not missing, missing


def test_terms_of_spec_md_exist(ont):
    spec = next((p for p in SPEC_CANDIDATES if p.exists()), None)
    if spec is None:
        pytest.skip("SPEC.md not found")
    text = spec.read_text(encoding="utf-8")
    names = _sekg_terms_in(spec)
    # the relation table: | `sekg:investedIn` | ...
    table = set(re.findall(r"^\|\s*`sekg:([A-Za-z]+)`", text, flags=re.M))
    assert set(RELATIONS) <= table
    assert set(ALL_CLASSES) - {"Actor", "Event", "Fact", "Evidence", "SourceDocument"} <= names
    missing = sorted(n for n in names | table if SEKG[n] not in declared_terms(ont))
    assert not missing, missing


def _rapper_count(path: Path) -> int:
    proc = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"returned (\d+) triples", proc.stderr)
    assert m, proc.stderr
    return int(m.group(1))


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not on PATH")
@pytest.mark.parametrize("path", [ONTOLOGY_TTL, SHAPES_TTL], ids=["sekg.ttl", "shapes.ttl"])
def test_rapper_agrees_with_rdflib(path):
    assert _rapper_count(path) == len(Graph().parse(path, format="turtle"))


# --------------------------------------------------------------------------------------
# SHACL shapes
# --------------------------------------------------------------------------------------

PREFIXES = """\
@prefix sekg:    <https://w3id.org/sekg/ontology#> .
@prefix ent:     <https://w3id.org/sekg/id/entity/> .
@prefix fact:    <https://w3id.org/sekg/id/fact/> .
@prefix event:   <https://w3id.org/sekg/id/event/> .
@prefix ev:      <https://w3id.org/sekg/id/evidence/> .
@prefix src:     <https://w3id.org/sekg/id/source/> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
"""

VALID_TTL = PREFIXES + """
ent:sequoia-capital-china a sekg:Investor ;
    rdfs:label "红杉中国"@zh , "Sequoia Capital China"@en ;
    skos:altLabel "红杉资本中国基金"@zh , "红杉"@zh .

ent:yunji a sekg:Platform ;
    rdfs:label "云集"@zh , "Yunji"@en ;
    skos:altLabel "云集微店"@zh ;
    sekg:stockCode "YJ" .

ent:nasdaq a sekg:Exchange ;
    rdfs:label "纳斯达克"@zh , "Nasdaq"@en .

ent:samr a sekg:Regulator ;
    rdfs:label "国家市场监督管理总局"@zh , "State Administration for Market Regulation"@en .

ent:e0123456789ab a sekg:Sector ;
    rdfs:label "网络直播营销"@zh .

ent:sequoia-capital-china sekg:investedIn ent:yunji .
ent:yunji sekg:listedOn ent:nasdaq .
ent:samr sekg:regulates ent:e0123456789ab .

fact:0a1b2c3d4e5f6071 a sekg:Fact , rdf:Statement ;
    rdf:subject ent:sequoia-capital-china ;
    rdf:predicate sekg:investedIn ;
    rdf:object ent:yunji ;
    sekg:confidence 0.9 ;
    sekg:date "2019-05"^^xsd:gYearMonth ;
    sekg:evidence ev:1111111111111111 .

fact:1a1b2c3d4e5f6071 a sekg:Fact , rdf:Statement ;
    rdf:subject ent:yunji ;
    rdf:predicate sekg:listedOn ;
    rdf:object ent:nasdaq ;
    sekg:confidence 0.95 ;
    sekg:evidence ev:2222222222222222 .

fact:2a1b2c3d4e5f6071 a sekg:Fact , rdf:Statement ;
    rdf:subject ent:samr ;
    rdf:predicate sekg:regulates ;
    rdf:object ent:e0123456789ab ;
    sekg:confidence 0.7 ;
    sekg:evidence ev:2222222222222222 .

event:aaaaaaaaaaaaaaaa a sekg:FundingRound ;
    sekg:fundedCompany ent:yunji ;
    sekg:investor ent:sequoia-capital-china ;
    sekg:leadInvestor ent:sequoia-capital-china ;
    sekg:date "2019-05"^^xsd:gYearMonth ;
    sekg:amount "860000000"^^xsd:decimal ;
    sekg:currency "CNY" ;
    sekg:round "B轮" ;
    sekg:status "completed" ;
    sekg:evidence ev:1111111111111111 .

event:bbbbbbbbbbbbbbbb a sekg:Listing ;
    sekg:listedCompany ent:yunji ;
    sekg:exchange ent:nasdaq ;
    sekg:date "2019-05-03"^^xsd:date ;
    sekg:status "completed"^^xsd:string ;
    sekg:evidence ev:2222222222222222 .

ev:1111111111111111 a sekg:Evidence ;
    sekg:sourceDocument src:social-ecommerce-report-2019 ;
    sekg:sentence "2019年5月，云集获得红杉中国领投的8.6亿元B轮融资。" ;
    sekg:startOffset 120 ;
    sekg:endOffset 150 ;
    sekg:rule "funding/trigger-获得…融资" ;
    sekg:confidence 0.9 .

ev:2222222222222222 a sekg:Evidence ;
    sekg:sourceDocument src:social-ecommerce-report-2019 ;
    sekg:sentence "2019年5月，云集正式在美国纳斯达克挂牌上市。" ;
    sekg:startOffset 151 ;
    sekg:endOffset 151 ;
    sekg:rule "listing/挂牌上市" ;
    sekg:confidence 0.95 .

src:social-ecommerce-report-2019 a sekg:SourceDocument ;
    rdfs:label "social-ecommerce-report-2019.txt" ;
    dcterms:title "2019中国社交电商行业发展报告" ;
    sekg:sha1 "da39a3ee5e6b4b0d3255bfef95601890afd80709" .
"""

ENT = Namespace("https://w3id.org/sekg/id/entity/")
FACT = Namespace("https://w3id.org/sekg/id/fact/")
EVENT = Namespace("https://w3id.org/sekg/id/event/")
EV = Namespace("https://w3id.org/sekg/id/evidence/")
FUNDING = EVENT.aaaaaaaaaaaaaaaa
EVIDENCE1 = EV["1111111111111111"]
FACT1 = FACT["0a1b2c3d4e5f6071"]


def validate(data: Graph, shapes: Graph, ont: Graph, inference: str = "none"):
    import pyshacl

    conforms, report, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ont, inference=inference,
        abort_on_first=False, allow_warnings=False, meta_shacl=False,
        advanced=False, js=False, debug=False)
    return conforms, report, text


def components(report: Graph) -> set[str]:
    return {str(c).rsplit("#", 1)[-1]
            for c in report.objects(None, SH.sourceConstraintComponent)}


def valid_graph() -> Graph:
    return Graph().parse(data=VALID_TTL, format="turtle")


def test_shapes_parse(shapes):
    assert len(shapes) > 100
    assert any(True for _ in shapes.subjects(RDF.type, SH.NodeShape))


def test_valid_graph_conforms(shapes, ont):
    conforms, _, text = validate(valid_graph(), shapes, ont)
    assert conforms, text


def test_valid_graph_with_ontology_inside_conforms(shapes, ont):
    """sekg.ttl exports carry the ontology terms they use: that must not upset the shapes."""
    data = valid_graph() + ont
    conforms, _, text = validate(data, shapes, ont)
    assert conforms, text


def _two_zh_labels(g):
    g.add((ENT.yunji, RDFS.label, Literal("云集微店", lang="zh")))


def _no_zh_label(g):
    g.remove((ENT.nasdaq, RDFS.label, Literal("纳斯达克", lang="zh")))


def _two_en_labels(g):
    g.add((ENT.yunji, RDFS.label, Literal("Yunji Inc.", lang="en")))


def _label_in_other_language(g):
    g.add((ENT.yunji, RDFS.label, Literal("雲集", lang="ja")))


def _listed_on_non_exchange(g):
    g.add((ENT.yunji, SEKG.listedOn, ENT["sequoia-capital-china"]))


def _regulates_from_non_regulator(g):
    g.add((ENT["sequoia-capital-china"], SEKG.regulates, ENT.yunji))


def _penalized_from_non_regulator(g):
    g.add((ENT.nasdaq, SEKG.penalized, ENT.yunji))


def _issued_non_document(g):
    g.add((ENT.samr, SEKG.issued, ENT.yunji))


def _launched_non_product(g):
    g.add((ENT.yunji, SEKG.launched, ENT.nasdaq))


def _evidence_without_sentence(g):
    g.remove((EVIDENCE1, SEKG.sentence, None))


def _evidence_without_source(g):
    g.remove((EVIDENCE1, SEKG.sourceDocument, None))


def _currency_yuan(g):
    g.set((FUNDING, SEKG.currency, Literal("yuan")))


def _start_after_end(g):
    g.set((EVIDENCE1, SEKG.startOffset, Literal(200)))


def _amount_integer(g):
    g.set((FUNDING, SEKG.amount, Literal(860000000)))  # xsd:integer, not xsd:decimal


def _amount_negative(g):
    g.set((FUNDING, SEKG.amount, Literal("-1", datatype=rns.XSD.decimal)))


def _date_untyped(g):
    g.set((FUNDING, SEKG.date, Literal("2019-05")))


def _two_dates(g):
    g.add((FUNDING, SEKG.date, Literal("2019", datatype=rns.XSD.gYear)))


def _status_unknown(g):
    g.set((FUNDING, SEKG.status, Literal("done")))


def _event_without_evidence(g):
    g.remove((FUNDING, SEKG.evidence, None))


def _funding_round_without_company(g):
    g.remove((FUNDING, SEKG.fundedCompany, None))


def _fact_without_evidence(g):
    g.remove((FACT1, SEKG.evidence, None))


def _fact_confidence_out_of_range(g):
    g.set((FACT1, SEKG.confidence, Literal("1.5", datatype=rns.XSD.decimal)))


def _fact_confidence_double(g):
    g.set((FACT1, SEKG.confidence, Literal(0.9)))  # xsd:double


def _fact_without_direct_triple(g):
    g.remove((ENT["sequoia-capital-china"], SEKG.investedIn, ENT.yunji))


def _fact_with_unknown_predicate(g):
    g.set((FACT1, RDF.predicate, RDFS.seeAlso))


INVALID_VARIANTS = {
    # name: (mutation, a constraint component expected among the results)
    "two-zh-labels": (_two_zh_labels, "QualifiedMaxCountConstraintComponent"),
    "no-zh-label": (_no_zh_label, "QualifiedMinCountConstraintComponent"),
    "two-en-labels": (_two_en_labels, "QualifiedMaxCountConstraintComponent"),
    "label-in-other-language": (_label_in_other_language, "LanguageInConstraintComponent"),
    "listedOn-non-exchange": (_listed_on_non_exchange, "ClassConstraintComponent"),
    "regulates-from-non-regulator": (_regulates_from_non_regulator, "ClassConstraintComponent"),
    "penalized-from-non-regulator": (_penalized_from_non_regulator, "ClassConstraintComponent"),
    "issued-non-document": (_issued_non_document, "ClassConstraintComponent"),
    "launched-non-product": (_launched_non_product, "OrConstraintComponent"),
    "evidence-without-sentence": (_evidence_without_sentence, "MinCountConstraintComponent"),
    "evidence-without-source": (_evidence_without_source, "MinCountConstraintComponent"),
    "currency-yuan": (_currency_yuan, "PatternConstraintComponent"),
    "start-after-end": (_start_after_end, "LessThanOrEqualsConstraintComponent"),
    "amount-integer": (_amount_integer, "DatatypeConstraintComponent"),
    "amount-negative": (_amount_negative, "MinInclusiveConstraintComponent"),
    "date-untyped": (_date_untyped, "OrConstraintComponent"),
    "two-dates": (_two_dates, "MaxCountConstraintComponent"),
    "status-unknown": (_status_unknown, "PatternConstraintComponent"),
    "event-without-evidence": (_event_without_evidence, "MinCountConstraintComponent"),
    "funding-round-without-company": (_funding_round_without_company, "MinCountConstraintComponent"),
    "fact-without-evidence": (_fact_without_evidence, "MinCountConstraintComponent"),
    "fact-confidence-1.5": (_fact_confidence_out_of_range, "MaxInclusiveConstraintComponent"),
    "fact-confidence-double": (_fact_confidence_double, "DatatypeConstraintComponent"),
    "fact-without-direct-triple": (_fact_without_direct_triple, "SPARQLConstraintComponent"),
    "fact-unknown-predicate": (_fact_with_unknown_predicate, "InConstraintComponent"),
}


@pytest.mark.parametrize("name", sorted(INVALID_VARIANTS))
def test_invalid_variant_does_not_conform(shapes, ont, name):
    mutate, expected = INVALID_VARIANTS[name]
    g = valid_graph()
    before = set(g)
    mutate(g)
    assert set(g) != before, "the mutation changed nothing"
    conforms, report, text = validate(g, shapes, ont)
    assert not conforms, f"{name} should not conform"
    assert expected in components(report), text


def test_rdfs_inference_would_hide_range_errors(shapes, ont):
    """Why validation runs with inference="none": RDFS would type the bad object as Exchange."""
    g = valid_graph()
    _listed_on_non_exchange(g)
    assert not validate(g, shapes, ont, inference="none")[0]
    assert validate(g, shapes, ont, inference="rdfs")[0]


def test_validation_scales_to_thousands_of_triples(shapes, ont):
    """A synthetic graph of a few thousand triples validates (and conforms) quickly."""
    import time

    lines = [PREFIXES]
    lines.append('src:s a sekg:SourceDocument ; rdfs:label "s.txt" ; '
                 'sekg:sha1 "da39a3ee5e6b4b0d3255bfef95601890afd80709" .')
    n = 150
    for i in range(n):
        lines.append(f'ent:c{i} a sekg:Company ; rdfs:label "公司{i}"@zh , "Company {i}"@en ; '
                     f'skos:altLabel "公司{i}号"@zh .')
        lines.append(f'ev:e{i} a sekg:Evidence ; sekg:sourceDocument src:s ; '
                     f'sekg:sentence "句子{i}。" ; sekg:startOffset {i * 10} ; '
                     f'sekg:endOffset {i * 10 + 9} ; sekg:rule "r" ; sekg:confidence 0.8 .')
    for i in range(1, n):
        lines.append(f'ent:c{i} sekg:investedIn ent:c{i - 1} .')
        lines.append(f'fact:f{i} a sekg:Fact , rdf:Statement ; rdf:subject ent:c{i} ; '
                     f'rdf:predicate sekg:investedIn ; rdf:object ent:c{i - 1} ; '
                     f'sekg:confidence 0.8 ; sekg:evidence ev:e{i} .')
        lines.append(f'event:v{i} a sekg:FundingRound ; sekg:fundedCompany ent:c{i - 1} ; '
                     f'sekg:investor ent:c{i} ; sekg:amount 1000.0 ; sekg:currency "CNY" ; '
                     f'sekg:date "2020"^^xsd:gYear ; sekg:status "completed" ; '
                     f'sekg:evidence ev:e{i} .')
    g = Graph().parse(data="\n".join(lines), format="turtle")
    assert len(g) > 3000
    t0 = time.perf_counter()
    conforms, _, text = validate(g, shapes, ont)
    elapsed = time.perf_counter() - t0
    assert conforms, text
    assert elapsed < 60, f"validation took {elapsed:.1f}s"
