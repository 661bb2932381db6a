#!/usr/bin/env python3
"""Score `comention mentions` against the hand-annotated gold set (tests/data/gold/gold.txt).

Usage:
  python3 tests/eval/score_gold.py --comention build/src/comention
      [--gold tests/data/gold/gold.txt] [--min-precision 0.98] [--min-recall 0.97]
      [--min-edge-f1 X] [--show-errors] [--check-only] [--stats]

What it does:
  1. parses and validates the gold file (format: tests/data/gold/README.md); a malformed file is
     reported with its line number and exit status 2;
  2. warns about entity ids that are neither in data/gazetteer/*.tsv nor a known historical id;
  3. writes the documents as JSON Lines to a temporary file and runs `comention mentions` on it;
  4. mention scores: precision, recall and F1 over exact (doc, start, end, entity) tuples;
  5. sentence-window edge scores: for each sentence, each pair of distinct entities named in it;
     gold and predicted pairs are compared per document as multisets;
  6. sentence agreement: whether the tool puts matched mentions in the gold sentence (and
     paragraph), and in how many documents the tool's sentence count differs from the gold's;
  7. exits 1 when a threshold is missed, 0 otherwise, and ends with a one-line summary.

Standard library only.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO / "tests" / "data" / "gold" / "gold.txt"
DEFAULT_TOOL = REPO / "build" / "src" / "comention"
GAZETTEER_DIR = REPO / "data" / "gazetteer"
# Historical states decided for this project (data/gazetteer/historical.tsv may not exist yet).
HISTORICAL_IDS = {"SUN", "DDR", "YUG", "CSK", "YMD"}

DOC_HEADER = re.compile(r"^### (\S+)\s*$")
DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MENTION = re.compile(r"\[\[([^\[\]|\n]+)\|([^\[\]|\n]+)\]\]")
ENTITY_ID = re.compile(r"^[A-Z0-9][A-Z0-9_]*$")
# A sentence ends in . ! ? (or …), possibly followed by closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d\u00bb)\]]*$")
SNIPPET_CONTEXT = 40


class GoldError(Exception):
    def __init__(self, path: Path, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")


@dataclass
class GoldMention:
    start: int          # UTF-8 byte offsets into the document text
    end: int
    entity: str
    surface: str
    sentence: int       # index of its line among the document's non-blank lines
    paragraph: int
    line_no: int        # line number in gold.txt


@dataclass
class GoldDoc:
    doc_id: str
    line_no: int                    # line of the "### " header
    text: str = ""
    mentions: list[GoldMention] = field(default_factory=list)
    sentence_lines: list[int] = field(default_factory=list)   # gold.txt line of each sentence
    paragraphs: int = 0
    has_headline: bool = False

    @property
    def sentences(self) -> int:
        return len(self.sentence_lines)


# --------------------------------------------------------------------------------------------
# Gold parsing and validation
# --------------------------------------------------------------------------------------------

def parse_line(path: Path, line_no: int, raw: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Removes the markup of one line: returns the plain line and its mentions as
    (start char, end char, surface, entity) within the plain line."""
    plain: list[str] = []
    mentions = []
    pos = 0
    length = 0
    while True:
        open_at = raw.find("[[", pos)
        close_at = raw.find("]]", pos)
        if open_at < 0:
            if close_at >= 0:
                raise GoldError(path, line_no, f"unbalanced markup: ']]' without '[[' at column {close_at + 1}")
            plain.append(raw[pos:])
            break
        if 0 <= close_at < open_at:
            raise GoldError(path, line_no, f"unbalanced markup: ']]' without '[[' at column {close_at + 1}")
        m = MENTION.match(raw, open_at)
        if not m:
            raise GoldError(path, line_no,
                            f"malformed or unbalanced markup at column {open_at + 1} "
                            f"(expected [[SURFACE|ENTITY]]): {raw[open_at:open_at + 40]!r}")
        surface, entity = m.group(1), m.group(2)
        if surface != surface.strip() or not surface.strip():
            raise GoldError(path, line_no, f"surface {surface!r} is empty or starts or ends with a space")
        if not ENTITY_ID.match(entity):
            raise GoldError(path, line_no, f"bad entity id {entity!r} (expected upper-case letters, digits, _)")
        if re.match(r"(?i)the\s", surface):
            raise GoldError(path, line_no, f"surface {surface!r} includes 'the': mark the name only")
        if re.search(r"['\u2019]s$", surface):
            raise GoldError(path, line_no, f"surface {surface!r} includes a possessive 's: mark the name only")
        before = raw[pos:open_at]
        plain.append(before)
        length += len(before)
        mentions.append((length, length + len(surface), surface, entity))
        plain.append(surface)
        length += len(surface)
        pos = m.end()
    text = "".join(plain)
    for token in ("[[", "]]"):
        if token in text:
            raise GoldError(path, line_no, f"stray {token!r} in text")
    return text, mentions


def parse_gold(path: Path) -> list[GoldDoc]:
    try:
        raw_lines = path.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError as e:
        raise GoldError(path, 0, f"not UTF-8: {e}") from None
    except OSError as e:
        raise GoldError(path, 0, f"cannot read: {e.strerror}") from None
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()

    docs: list[GoldDoc] = []
    seen: dict[str, int] = {}
    current: list[tuple[int, str]] | None = None
    header: tuple[int, str] | None = None

    def finish():
        if header is not None:
            docs.append(build_doc(path, header[0], header[1], current or []))

    for idx, line in enumerate(raw_lines, start=1):
        if line.endswith("\r"):
            raise GoldError(path, idx, "CRLF line ending; use LF")
        if line.startswith("###"):
            m = DOC_HEADER.match(line)
            if not m or not DOC_ID.match(m.group(1)):
                raise GoldError(path, idx, f"bad document header {line!r} (expected '### DOC-ID')")
            doc_id = m.group(1)
            if doc_id in seen:
                raise GoldError(path, idx, f"duplicate document id {doc_id!r} (first at line {seen[doc_id]})")
            seen[doc_id] = idx
            finish()
            header = (idx, doc_id)
            current = []
            continue
        if current is None:
            if line.strip() == "" or line.startswith("#"):
                continue
            raise GoldError(path, idx, "text before the first document header ('### DOC-ID')")
        current.append((idx, line))
    finish()
    if not docs:
        raise GoldError(path, len(raw_lines), "no documents")
    return docs


def build_doc(path: Path, header_line: int, doc_id: str, lines: list[tuple[int, str]]) -> GoldDoc:
    doc = GoldDoc(doc_id, header_line)
    while lines and lines[-1][1].strip() == "":
        lines = lines[:-1]
    if not lines:
        raise GoldError(path, header_line, f"document {doc_id!r} is empty")

    plain_lines: list[str] = []
    byte_offset = 0
    paragraph = 0
    sentence = 0
    prev_blank = False
    for i, (line_no, raw) in enumerate(lines):
        if raw.strip() == "":
            if raw != "":
                raise GoldError(path, line_no, "blank line holds white space")
            if i == 0:
                raise GoldError(path, line_no, "document starts with a blank line")
            if prev_blank:
                raise GoldError(path, line_no, "two blank lines in a row: paragraphs are separated by exactly one")
            prev_blank = True
            paragraph += 1
            plain_lines.append("")
            byte_offset += 1
            continue
        prev_blank = False
        if raw.startswith("#"):
            raise GoldError(path, line_no, "a line inside a document starts with '#' (a header is '### DOC-ID')")
        if raw != raw.strip():
            raise GoldError(path, line_no, "line starts or ends with white space")
        plain, marks = parse_line(path, line_no, raw)
        if not SENTENCE_END.search(plain):
            next_blank = i + 1 < len(lines) and lines[i + 1][1] == ""
            if i == 0 and next_blank:
                doc.has_headline = True
            elif i == 0:
                raise GoldError(path, line_no,
                                "headline (a first line without final punctuation) must be followed by a blank line")
            else:
                raise GoldError(path, line_no,
                                "sentence does not end in . ! or ? (only the first line may be a headline)")
        for (cs, ce, surface, entity) in marks:
            start = byte_offset + len(plain[:cs].encode("utf-8"))
            end = start + len(surface.encode("utf-8"))
            doc.mentions.append(GoldMention(start, end, entity, surface, sentence, paragraph, line_no))
        doc.sentence_lines.append(line_no)
        sentence += 1
        plain_lines.append(plain)
        byte_offset += len(plain.encode("utf-8")) + 1
    doc.text = "\n".join(plain_lines)
    doc.paragraphs = paragraph + 1
    # Self-check: every span slices to its surface.
    data = doc.text.encode("utf-8")
    for m in doc.mentions:
        assert data[m.start:m.end].decode("utf-8") == m.surface, (doc_id, m)
    return doc


def known_entity_ids(gazetteer_dir: Path) -> set[str]:
    ids = set(HISTORICAL_IDS)
    for tsv in sorted(gazetteer_dir.glob("*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) >= 2 and fields[0] == "entity":
                ids.add(fields[1])
    return ids


# --------------------------------------------------------------------------------------------
# Running the tool
# --------------------------------------------------------------------------------------------

def run_tool(tool: str, docs: list[GoldDoc], workdir: Path) -> list[dict]:
    jsonl = workdir / "gold.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d.doc_id, "text": d.text}, ensure_ascii=False) + "\n")
    proc = subprocess.run([tool, "mentions", str(jsonl)], capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        raise RuntimeError(f"{tool} mentions failed with status {proc.returncode}: {proc.stderr.strip()}")
    out = []
    for n, line in enumerate(proc.stdout.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            for key in ("doc", "start", "end", "entity", "sentence", "paragraph"):
                rec[key]
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise RuntimeError(f"unexpected output line {n} from the tool: {line[:200]!r} ({e})") from None
        rec["doc"] = str(rec["doc"])
        out.append(rec)
    return out


def tool_sentence_counts(tool: str, docs: list[GoldDoc], workdir: Path) -> dict[str, int | None]:
    """The tool's sentence count per document, from one `comention build` per document."""
    def count(i_doc):
        i, d = i_doc
        p = workdir / f"doc{i}.jsonl"
        p.write_text(json.dumps({"id": d.doc_id, "text": d.text}, ensure_ascii=False) + "\n", encoding="utf-8")
        proc = subprocess.run([tool, "build", str(p), "--format", "json", "-o", "-"],
                              capture_output=True, text=True, encoding="utf-8")
        if proc.returncode != 0:
            return d.doc_id, None
        try:
            return d.doc_id, int(json.loads(proc.stdout)["graph"]["sentences"])
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            return d.doc_id, None
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return dict(pool.map(count, enumerate(docs)))


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------

def prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def edge_multiset(items) -> collections.Counter:
    """items: (doc, sentence, entity). Returns Counter of (doc, a, b), one per sentence."""
    per_sentence: dict[tuple[str, int], set[str]] = collections.defaultdict(set)
    for doc, sentence, entity in items:
        per_sentence[(doc, sentence)].add(entity)
    edges: collections.Counter = collections.Counter()
    for (doc, _), ents in per_sentence.items():
        ents = sorted(ents)
        for i in range(len(ents)):
            for j in range(i + 1, len(ents)):
                edges[(doc, ents[i], ents[j])] += 1
    return edges


def snippet(doc: GoldDoc, start: int, end: int) -> str:
    data = doc.text.encode("utf-8")
    left = data[:start].decode("utf-8", errors="replace")
    mid = data[start:end].decode("utf-8", errors="replace")
    right = data[end:].decode("utf-8", errors="replace")
    left = left[-SNIPPET_CONTEXT:]
    right = right[:SNIPPET_CONTEXT]
    s = f"{left}[{mid}]{right}"
    return s.replace("\n", " / ").replace("\u00a0", "\u2423")


def line_of(doc: GoldDoc, start: int) -> int:
    """gold.txt line holding byte offset start."""
    before = doc.text.encode("utf-8")[:start].decode("utf-8", errors="replace")
    nth = before.count("\n")
    # nth-th line of the document text (blank lines included) -> gold.txt line
    return doc.line_no + 1 + nth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score comention against the gold set.")
    ap.add_argument("--comention", default=str(DEFAULT_TOOL), help="path to the comention binary")
    ap.add_argument("--gold", default=str(DEFAULT_GOLD), help="gold file (default: %(default)s)")
    ap.add_argument("--gazetteer-dir", default=str(GAZETTEER_DIR), help="where the *.tsv entity records are")
    ap.add_argument("--min-precision", type=float, default=0.98)
    ap.add_argument("--min-recall", type=float, default=0.97)
    ap.add_argument("--min-edge-f1", type=float, default=None)
    ap.add_argument("--show-errors", action="store_true", help="list false positives and negatives")
    ap.add_argument("--check-only", action="store_true", help="validate the gold file and stop")
    ap.add_argument("--stats", action="store_true", help="print gold mentions per entity")
    args = ap.parse_args(argv)

    gold_path = Path(args.gold)
    try:
        docs = parse_gold(gold_path)
    except GoldError as e:
        print(f"score_gold: error: {e}", file=sys.stderr)
        return 2

    n_mentions = sum(len(d.mentions) for d in docs)
    n_sentences = sum(d.sentences for d in docs)
    entity_counts = collections.Counter(m.entity for d in docs for m in d.mentions)
    print(f"gold: {gold_path}: {len(docs)} documents, {n_sentences} sentences, "
          f"{n_mentions} mentions of {len(entity_counts)} entities")

    gdir = Path(args.gazetteer_dir)
    if gdir.is_dir():
        known = known_entity_ids(gdir)
        for ent in sorted(set(entity_counts) - known):
            where = next(f"{gold_path}:{m.line_no}" for d in docs for m in d.mentions if m.entity == ent)
            print(f"score_gold: warning: {where}: entity {ent!r} is not declared in {gdir}/*.tsv "
                  f"({entity_counts[ent]} mentions)", file=sys.stderr)
    else:
        print(f"score_gold: warning: no gazetteer directory {gdir}: entity ids not checked", file=sys.stderr)

    if args.stats:
        for ent, c in sorted(entity_counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {ent:<22} {c}")
    if args.check_only:
        return 0

    tool = args.comention
    if not (os.path.isfile(tool) and os.access(tool, os.X_OK)):
        print(f"score_gold: error: {tool}: not an executable file (build it, or pass --comention)",
              file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="score_gold.") as tmp:
        try:
            pred = run_tool(tool, docs, Path(tmp))
            sent_counts = tool_sentence_counts(tool, docs, Path(tmp))
        except (RuntimeError, OSError) as e:
            print(f"score_gold: error: {e}", file=sys.stderr)
            return 2

    by_id = {d.doc_id: d for d in docs}
    unknown_docs = sorted({p["doc"] for p in pred} - set(by_id))
    if unknown_docs:
        print(f"score_gold: error: the tool reported unknown documents: {unknown_docs[:5]}", file=sys.stderr)
        return 2

    # ---- mentions ----
    gold_keys = collections.Counter((d.doc_id, m.start, m.end, m.entity) for d in docs for m in d.mentions)
    pred_keys = collections.Counter((p["doc"], p["start"], p["end"], p["entity"]) for p in pred)
    tp = sum((gold_keys & pred_keys).values())
    fp = sum(pred_keys.values()) - tp
    fn = sum(gold_keys.values()) - tp
    p, r, f = prf(tp, tp + fp, tp + fn)

    # ---- edges (sentence window) ----
    gold_edges = edge_multiset((d.doc_id, m.sentence, m.entity) for d in docs for m in d.mentions)
    pred_edges = edge_multiset((x["doc"], x["sentence"], x["entity"]) for x in pred)
    etp = sum((gold_edges & pred_edges).values())
    ep, er, ef = prf(etp, sum(pred_edges.values()), sum(gold_edges.values()))

    # ---- sentence agreement ----
    gold_pos = {(d.doc_id, m.start, m.end, m.entity): (m.sentence, m.paragraph) for d in docs for m in d.mentions}
    sent_mismatch = []
    para_mismatch = 0
    for x in pred:
        key = (x["doc"], x["start"], x["end"], x["entity"])
        if key in gold_pos:
            gs, gp = gold_pos[key]
            if x["sentence"] != gs:
                sent_mismatch.append((x["doc"], x, gs))
            if x["paragraph"] != gp:
                para_mismatch += 1
    count_diff = [(d.doc_id, d.sentences, sent_counts.get(d.doc_id)) for d in docs
                  if sent_counts.get(d.doc_id) is not None and sent_counts[d.doc_id] != d.sentences]
    count_unknown = sum(1 for d in docs if sent_counts.get(d.doc_id) is None)

    # ---- text sanity ----
    bad_text = 0
    for x in pred:
        d = by_id[x["doc"]]
        if "text" in x and d.text.encode("utf-8")[x["start"]:x["end"]].decode("utf-8", "replace") != x["text"]:
            bad_text += 1

    print(f"mentions: precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}  "
          f"(tp {tp}, fp {fp}, fn {fn}; gold {tp + fn}, predicted {tp + fp})")
    print(f"edges (sentence window): precision {ep:.4f}  recall {er:.4f}  F1 {ef:.4f}  "
          f"(matched {etp}, predicted {sum(pred_edges.values())}, gold {sum(gold_edges.values())})")
    print(f"sentences: {len(count_diff)} of {len(docs)} documents have a sentence count different from the gold's"
          + (f" ({count_unknown} not measured)" if count_unknown else "")
          + f"; matched mentions in another sentence: {len(sent_mismatch)}, in another paragraph: {para_mismatch}")
    for doc_id, gold_n, tool_n in count_diff:
        print(f"  {doc_id}: gold {gold_n} sentences, tool {tool_n}")
    if bad_text:
        print(f"warning: {bad_text} predicted mentions whose 'text' is not the slice start:end of the document")

    failures = []
    if p < args.min_precision:
        failures.append(f"mention precision {p:.4f} < {args.min_precision}")
    if r < args.min_recall:
        failures.append(f"mention recall {r:.4f} < {args.min_recall}")
    if args.min_edge_f1 is not None and ef < args.min_edge_f1:
        failures.append(f"edge F1 {ef:.4f} < {args.min_edge_f1}")

    if args.show_errors or failures:
        print_errors(docs, by_id, gold_keys, pred_keys, pred)

    for why in failures:
        print(f"FAIL: {why}")
    status = "FAIL" if failures else "PASS"
    print(f"{status}: {len(docs)} docs, {n_mentions} gold mentions | mentions P {p:.3f} R {r:.3f} F1 {f:.3f} "
          f"(tp {tp} fp {fp} fn {fn}) | edges P {ep:.3f} R {er:.3f} F1 {ef:.3f} | "
          f"sentence counts differ in {len(count_diff)} docs")
    return 1 if failures else 0


def print_errors(docs, by_id, gold_keys, pred_keys, pred) -> None:
    fn_keys = gold_keys - pred_keys
    fp_keys = pred_keys - gold_keys
    gold_list = {(d.doc_id, m.start, m.end, m.entity): m for d in docs for m in d.mentions}
    pred_spans = collections.defaultdict(list)
    for (doc, s, e, ent) in pred_keys:
        pred_spans[doc].append((s, e, ent))
    gold_spans = collections.defaultdict(list)
    for (doc, s, e, ent) in gold_keys:
        gold_spans[doc].append((s, e, ent))

    def overlapping(spans, s, e):
        return sorted(x for x in spans if x[0] < e and s < x[1])

    def describe(other, s, e, ent, what):
        ov = overlapping(other, s, e)
        if not ov:
            return ""
        parts = []
        for (os_, oe, oent) in ov:
            if (os_, oe) == (s, e):
                parts.append(f"same span as {what} {oent}")
            else:
                parts.append(f"overlaps {what} {oent} at {os_}-{oe}")
        return " (" + "; ".join(parts) + ")"

    order = {d.doc_id: i for i, d in enumerate(docs)}
    print(f"false negatives ({sum(fn_keys.values())}): gold mentions the tool missed")
    for key in sorted(fn_keys, key=lambda k: (order[k[0]], k[1])):
        doc, s, e, ent = key
        m = gold_list.get(key)
        where = f"line {m.line_no}" if m else ""
        print(f"  FN {doc} {where} {s}-{e} {ent}: {snippet(by_id[doc], s, e)}"
              f"{describe(pred_spans[doc], s, e, ent, 'tool')}")
    print(f"false positives ({sum(fp_keys.values())}): tool mentions not in the gold")
    for key in sorted(fp_keys, key=lambda k: (order[k[0]], k[1])):
        doc, s, e, ent = key
        print(f"  FP {doc} line {line_of(by_id[doc], s)} {s}-{e} {ent}: {snippet(by_id[doc], s, e)}"
              f"{describe(gold_spans[doc], s, e, ent, 'gold')}")


if __name__ == "__main__":
    sys.exit(main())
