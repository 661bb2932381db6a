#!/usr/bin/env python3
"""Score `comention mentions` against the multilingual gold set (tests/data/languages/gold/LANG.tsv).

Usage:
  python3 tests/eval/score_languages.py --comention build/src/comention
      [--gold-dir tests/data/languages/gold] [--languages own|all|LIST] [--only es,fr]
      [--min-f1 0.97] [--show-errors]

Each file is one language (its name, e.g. es.tsv); each of its sentences is given to the tool as
one document, with --languages set to the file's language by default ("own"), or to the list given
("all", "es,fr", ...) for every file. A predicted mention is a true positive when it overlaps a gold
span of the same entity that no earlier prediction of the sentence took. Prints a table (language,
gold mentions, predicted, precision, recall, F1) and, with --show-errors, every miss and false
match. Exits 1 when a language is under --min-f1, 2 on a malformed gold file, else 0.

The same scoring runs as a unit test (tests/unit/languages_gold_test.cpp); this script is the
command-line view of it. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD_DIR = REPO / "tests" / "data" / "languages" / "gold"
DEFAULT_TOOL = REPO / "build" / "src" / "comention"
OPEN, CLOSE = "\u27E6", "\u27E7"  # ⟦ ⟧


class GoldError(Exception):
    pass


@dataclass
class Span:
    start: int  # UTF-8 byte offsets into the sentence's plain text
    end: int
    entity: str
    surface: str


@dataclass
class Sentence:
    line: int
    text: str
    spans: list[Span] = field(default_factory=list)


def parse_line(path: Path, number: int, line: str) -> Sentence:
    """Takes the ⟦SURFACE|ID⟧ marks out of a line: the plain text and the gold spans."""
    sentence = Sentence(number, "")
    out = bytearray()
    at = 0
    while at < len(line):
        opening = line.find(OPEN, at)
        closing = line.find(CLOSE, at)
        if closing != -1 and (opening == -1 or closing < opening):
            raise GoldError(f"{path}:{number}: a closing mark without an opening one")
        if opening == -1:
            out += line[at:].encode()
            break
        out += line[at:opening].encode()
        closing = line.find(CLOSE, opening + 1)
        nested = line.find(OPEN, opening + 1)
        if closing == -1 or (nested != -1 and nested < closing):
            raise GoldError(f"{path}:{number}: an opening mark without its closing one")
        mark = line[opening + 1:closing]
        surface, bar, entity = mark.rpartition("|")
        if not bar or not surface or not entity:
            raise GoldError(f"{path}:{number}: a mark that is not SURFACE|ID: {mark}")
        start = len(out)
        out += surface.encode()
        sentence.spans.append(Span(start, len(out), entity, surface))
        at = closing + 1
    if "\t" in line:
        raise GoldError(f"{path}:{number}: a tab in a sentence")
    sentence.text = out.decode()
    return sentence


def read_gold(path: Path) -> list[Sentence]:
    sentences = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        sentences.append(parse_line(path, number, line))
    return sentences


def predict(tool: str, sentences: list[Sentence], languages: str) -> dict[int, list[dict]]:
    """Runs `comention mentions` on the sentences, one document each: mentions by sentence index."""
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "sentences.jsonl"
        with docs.open("w", encoding="utf-8") as out:
            for index, sentence in enumerate(sentences):
                out.write(json.dumps({"id": str(index), "text": sentence.text}, ensure_ascii=False) + "\n")
        proc = subprocess.run([tool, "mentions", str(docs), "--languages", languages],
                              capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        sys.exit(f"comention mentions failed ({proc.returncode}): {proc.stderr.strip()}")
    found: dict[int, list[dict]] = {}
    for line in proc.stdout.splitlines():
        mention = json.loads(line)
        found.setdefault(int(mention["doc"]), []).append(mention)
    return found


def byte_slice(text: str, start: int, end: int) -> str:
    return text.encode()[start:end].decode(errors="replace")


def score(sentences: list[Sentence], found: dict[int, list[dict]], errors: list[str]) -> tuple[int, int, int]:
    gold = predicted = true_positives = 0
    for index, sentence in enumerate(sentences):
        used = [False] * len(sentence.spans)
        mentions = found.get(index, [])
        gold += len(sentence.spans)
        predicted += len(mentions)
        for mention in mentions:
            for i, span in enumerate(sentence.spans):
                if used[i] or span.entity != mention["entity"]:
                    continue
                if mention["start"] < span.end and span.start < mention["end"]:
                    used[i] = True
                    true_positives += 1
                    break
            else:
                surface = byte_slice(sentence.text, mention["start"], mention["end"])
                errors.append(f"  line {sentence.line}: false match {surface!r} -> {mention['entity']}")
        for i, span in enumerate(sentence.spans):
            if not used[i]:
                errors.append(f"  line {sentence.line}: missed {span.surface!r} ({span.entity})")
    return gold, predicted, true_positives


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--comention", default=str(DEFAULT_TOOL), help="the comention binary")
    ap.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
    ap.add_argument("--languages", default="own",
                    help="own (each file's language, the default), all, or a list such as es,fr")
    ap.add_argument("--only", default="", help="score only these files' languages (comma-separated)")
    ap.add_argument("--min-f1", type=float, default=0.97)
    ap.add_argument("--show-errors", action="store_true", help="list every miss and false match")
    args = ap.parse_args()

    paths = sorted(args.gold_dir.glob("*.tsv"))
    if args.only:
        wanted = set(args.only.split(","))
        paths = [p for p in paths if p.stem in wanted]
    if not paths:
        print(f"no gold files in {args.gold_dir}", file=sys.stderr)
        return 2
    try:
        gold_files = [(p.stem, read_gold(p)) for p in paths]
    except GoldError as error:
        print(error, file=sys.stderr)
        return 2

    below = []
    totals = [0, 0, 0]
    print(f"{'language':<8} {'matcher':<8} {'gold':>5} {'predicted':>9} {'P':>6} {'R':>6} {'F1':>6}")
    for language, sentences in gold_files:
        languages = language if args.languages == "own" else args.languages
        errors: list[str] = []
        gold, predicted, tp = score(sentences, predict(args.comention, sentences, languages), errors)
        precision = tp / predicted if predicted else (1.0 if gold == 0 else 0.0)
        recall = tp / gold if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        totals = [totals[0] + gold, totals[1] + predicted, totals[2] + tp]
        print(f"{language:<8} {languages:<8} {gold:>5} {predicted:>9} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f}")
        if args.show_errors:
            for error in errors:
                print(error)
        if f1 < args.min_f1:
            below.append(language)
    gold, predicted, tp = totals
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{'all':<8} {'':<8} {gold:>5} {predicted:>9} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f}")
    if below:
        print(f"F1 under {args.min_f1} in {len(below)} of {len(gold_files)} languages: {' '.join(below)}")
        return 1
    print(f"F1 at least {args.min_f1} in all {len(gold_files)} languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
