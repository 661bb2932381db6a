#!/usr/bin/python3
"""Writes a JSON Lines corpus of news in other scripts for side-by-side runs of the folded path.

Documents are 30 sentences each, drawn (fixed seed) from the non-ASCII sentences of
tests/data/languages/sentences.tsv, repeated until the file reaches the size asked for
(default 50 MB). Usage, comparing two builds in the same run (issue 14):

    python3 bench/gen_non_ascii_corpus.py /tmp/non-ascii.jsonl
    for round in 1 2 3 4 5; do for bin in OLD/comention NEW/comention; do
      /usr/bin/time -f "$bin %e s %U user" $bin mentions /tmp/non-ascii.jsonl --languages all -o /tmp/m.jsonl
    done; done
"""
import json
import pathlib
import random
import sys


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: gen_non_ascii_corpus.py OUTPUT [BYTES]")
    target = int(sys.argv[2]) if len(sys.argv) == 3 else 50_000_000
    sentences_file = pathlib.Path(__file__).resolve().parent.parent / "tests/data/languages/sentences.tsv"
    texts = []
    for line in sentences_file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t", 2)
        if len(fields) == 3 and any(ord(c) > 127 for c in fields[2]):
            texts.append(fields[2])
    random.seed(14)
    written = 0
    number = 0
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        while written < target:
            document = " ".join(random.choice(texts) for _ in range(30))
            line = json.dumps({"id": f"d{number}", "text": document}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            number += 1


if __name__ == "__main__":
    main()
