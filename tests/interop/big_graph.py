"""A made-up corpus whose graph has exactly 1,000 entities and 20,000 ties, with dates, for the
viewer's big-graph check.

Deterministic (a fixed linear congruential generator, no random module state), so each run builds
the same graph. The entities come from a gazetteer of invented names, used without the built-in
one, so that nothing else is found; every sentence names exactly two of them, so each distinct pair
is one tie and its count is the number of sentences naming it.
"""
import json
from pathlib import Path

ENTITIES = 1000
TIES = 20000
CLUSTERS = 10  # ties mostly inside a cluster, so the communities found are worth filtering by
ORGANIZATIONS = 100  # the last ones; the others are countries
REGIONS = ["Northland", "Southland", "Eastmarch", "Westreach", "Midlands", "Islands"]
MONTHS = [f"2026-{month:02d}" for month in range(1, 13)]
SENTENCES_PER_DOCUMENT = 8

SYLLABLES = ["ka", "lo", "mi", "ra", "te", "vu", "zo", "ne", "si", "da", "fe", "gu", "ho", "pi", "wa", "be",
             "ry", "tu", "xe", "mo"]


class Generator:
    """Park and Miller's minimal standard generator: small, fixed and the same everywhere."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 48271) % 2147483647
        return self.state

    def below(self, limit):
        return self.next() % limit

    def uniform(self):
        return self.next() / 2147483647


def entity_id(index):
    letters = ""
    for _ in range(3):
        letters = chr(ord("A") + index % 26) + letters
        index //= 26
    return "Q" + letters


def entity_name(index):
    """Three syllables and an ending, distinct for every index below 8,000."""
    a, rest = index % 20, index // 20
    b, c = rest % 20, rest // 20
    ending = "ia" if index < ENTITIES - ORGANIZATIONS else " Union"
    return (SYLLABLES[c % 20] + SYLLABLES[b] + SYLLABLES[a]).capitalize() + ending


def write_corpus(directory):
    """Writes gazetteer.tsv and news.jsonl into directory; returns their paths and the expected
    counts: entities, ties and each tie's count by month, keyed by the pair of ids."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    generator = Generator(20260312)

    gazetteer = directory / "gazetteer.tsv"
    lines = ["# 1,000 invented entities for the viewer's big-graph check"]
    for index in range(ENTITIES):
        ident, name = entity_id(index), entity_name(index)
        if index < ENTITIES - ORGANIZATIONS:
            region = REGIONS[index % len(REGIONS)]
            lines.append(f"entity\t{ident}\tcountry\t{name}\tiso3={ident}\tregion={region}")
        else:
            lines.append(f"entity\t{ident}\torganization\t{name}")
        lines.append(f"alias\t{ident}\t{name}")
    gazetteer.write_text("\n".join(lines) + "\n", encoding="utf-8")

    # Distinct pairs: most inside a cluster (index % CLUSTERS), some across, until there are TIES.
    pairs = []
    seen = set()
    for index in range(ENTITIES):  # each entity gets at least one tie, so none drops out
        other = (index + CLUSTERS) % ENTITIES
        pair = (min(index, other), max(index, other))
        seen.add(pair)
        pairs.append(pair)
    while len(pairs) < TIES:
        a = generator.below(ENTITIES)
        if generator.uniform() < 0.85:
            b = (a + CLUSTERS * (1 + generator.below(ENTITIES // CLUSTERS - 1))) % ENTITIES
        else:
            b = generator.below(ENTITIES)
        pair = (min(a, b), max(a, b))
        if a == b or pair in seen:
            continue
        seen.add(pair)
        pairs.append(pair)

    # Counts with a long tail, as news has: most ties once or twice, a few dozens of times; the
    # months of a tie's sentences drift from a starting month, so ties come and go over the year.
    sentences = []  # (month, text)
    expected = {}
    for a, b in pairs:
        count = 1 + int(min(60, 0.4 / max(generator.uniform(), 0.006)))
        start = generator.below(len(MONTHS))
        by_month = {}
        for k in range(count):
            month = MONTHS[(start + (k * 7 + generator.below(3)) // 10) % len(MONTHS)]
            by_month[month] = by_month.get(month, 0) + 1
            sentences.append((month, f"{entity_name(a)} and {entity_name(b)} signed accord {k}."))
        expected[(entity_id(a), entity_id(b))] = by_month

    corpus = directory / "news.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for month in MONTHS:
            of_month = [text for when, text in sentences if when == month]
            for start in range(0, len(of_month), SENTENCES_PER_DOCUMENT):
                day = 1 + (start // SENTENCES_PER_DOCUMENT) % 28
                out.write(json.dumps({"id": f"{month}-{start}", "date": f"{month}-{day:02d}",
                                      "text": " ".join(of_month[start:start + SENTENCES_PER_DOCUMENT])}) + "\n")
    return gazetteer, corpus, expected
