#!/usr/bin/env python3
"""Command-line tests: help and version, golden outputs of the samples, and every error case.

Run by CTest as: test_cli.py --comention PATH --samples DIR
"""
import argparse
import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ElementTree
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

COMENTION = ""
SAMPLES = Path()
ROOT = Path()
SEEDS = Path()


def run(*args, stdin=None, cwd=None):
    return subprocess.run([COMENTION, *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, timeout=120)


class CliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="comention-cli-"))

    def tearDown(self):
        for path in sorted(self.tmp.rglob("*"), reverse=True):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()
        self.tmp.rmdir()

    def write(self, name, content):
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        return path

    def assert_error(self, result, *fragments):
        """Exit status 2 and one line 'comention: error: ...' holding each fragment."""
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, 2, stderr)
        self.assertEqual(result.stdout, b"")
        lines = stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, stderr)
        self.assertTrue(lines[0].startswith("comention: error: "), stderr)
        for fragment in fragments:
            self.assertIn(fragment, lines[0])

    def assert_no_stray_files(self, directory, expected):
        self.assertEqual(sorted(p.name for p in directory.iterdir()), sorted(expected))

    def build_json(self, *args):
        result = run("build", *args, "-o", "-")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return json.loads(result.stdout)


class HelpAndVersion(CliTestCase):
    def test_version(self):
        result = run("--version")
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout.decode(), r"^comention \d+\.\d+\.\d+\n$")

    def test_main_help_lists_commands(self):
        result = run("--help")
        self.assertEqual(result.returncode, 0)
        for command in ("build", "mentions", "--version"):
            self.assertIn(command, result.stdout.decode())

    def test_command_help_lists_options(self):
        build = run("build", "--help").stdout.decode()
        for option in ("-o", "--format", "--window", "--id-field", "--text-field", "--ignore-case"):
            self.assertIn(option, build)
        mentions = run("mentions", "--help").stdout.decode()
        self.assertIn('"sentence"', mentions)

    def test_no_arguments_prints_usage_and_fails(self):
        result = run()
        self.assertEqual(result.returncode, 2)
        self.assertIn("Usage", result.stderr.decode())


class GoldenOutputs(CliTestCase):
    """Each sample's graph, as checked in under samples/expected/ (scripts/update-expected)."""

    def test_each_sample_matches_its_expected_graph(self):
        inputs = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".jsonl"))
        self.assertGreaterEqual(len(inputs), 3)
        for sample in inputs:
            for extension in ("json", "dot"):
                with self.subTest(sample=sample.name, format=extension):
                    expected = SAMPLES / "expected" / f"{sample.stem}.{extension}"
                    output = self.tmp / f"{sample.stem}.{extension}"
                    result = run("build", sample.relative_to(ROOT), "-o", output)
                    self.assertEqual(result.returncode, 0, result.stderr.decode())
                    self.assertEqual(output.read_text(), expected.read_text(),
                                     f"{sample.name}: run scripts/update-expected and review the diff")

    def test_each_sample_matches_its_expected_mentions(self):
        for sample in sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".jsonl")):
            with self.subTest(sample=sample.name):
                expected = SAMPLES / "expected" / f"{sample.stem}.mentions.ndjson"
                result = run("mentions", sample.relative_to(ROOT))
                self.assertEqual(result.returncode, 0, result.stderr.decode())
                self.assertEqual(result.stdout.decode(), expected.read_text())

    def test_output_is_deterministic(self):
        first = run("build", SAMPLES.relative_to(ROOT), "--format", "dot", "-o", "-").stdout
        second = run("build", SAMPLES.relative_to(ROOT), "--format", "dot", "-o", "-").stdout
        self.assertEqual(first, second)
        self.assertTrue(first.startswith(b"strict graph"))

    def test_json_links_key(self):
        sample = SAMPLES.relative_to(ROOT)
        links = self.build_json(sample)
        edges = self.build_json(sample, "--json-links", "edges")
        both = self.build_json(sample, "--json-links", "both")
        self.assertNotIn("edges", links)
        self.assertNotIn("links", edges)
        self.assertEqual(edges["edges"], links["links"])
        self.assertEqual((both["links"], both["edges"]), (links["links"], links["links"]))
        self.assert_error(run("build", sample, "--json-links", "arcs"), "--json-links")
        self.assert_error(run("build", sample, "--gexf-version", "1.1"), "--gexf-version")

    def test_graphml_graphics_for_yed(self):
        sample = SAMPLES.relative_to(ROOT)
        plain = run("build", sample, "--format", "graphml", "-o", "-").stdout.decode()
        yed = run("build", sample, "--format", "graphml", "--graphml-graphics", "yed", "-o", "-").stdout.decode()
        self.assertNotIn("y:ShapeNode", plain)
        self.assertEqual(yed.count("<y:ShapeNode>"), plain.count("<node id="))
        self.assertEqual(yed.count("<y:PolyLineEdge>"), plain.count("<edge id="))
        failed = run("build", sample, "--graphml-graphics", "yedd")
        self.assert_error(failed, "--graphml-graphics")
        self.assertIn("did you mean 'yed'", failed.stderr.decode())

    def test_directory_reads_its_files_in_sorted_order(self):
        files = sorted(str(p.relative_to(ROOT)) for p in SAMPLES.iterdir() if p.suffix in (".txt", ".jsonl"))
        self.assertEqual(self.build_json(SAMPLES.relative_to(ROOT)), self.build_json(*files))


class Counting(CliTestCase):
    def test_windows_change_weights(self):
        text = self.write("a.txt", "China met Iran.\nItaly waited.\n\nGermany spoke. China agreed.\n")
        weights = {}
        for window in ("sentence", "paragraph", "document"):
            graph = self.build_json(text, "--window", window)
            self.assertEqual(graph["graph"]["window"], window)
            weights[window] = {(l["source"], l["target"]): l["weight"] for l in graph["links"]}
        self.assertEqual(weights["sentence"], {("CHN", "IRN"): 1})
        self.assertEqual(weights["paragraph"], {("CHN", "IRN"): 1, ("CHN", "ITA"): 1, ("IRN", "ITA"): 1,
                                                ("CHN", "DEU"): 1})
        self.assertEqual(weights["document"][("CHN", "DEU")], 1)
        self.assertEqual(len(weights["document"]), 6)

    def test_tokens_window_counts_pairs_of_nearby_mentions(self):
        text = self.write("a.txt", "China met Iran and then. Far later Iran China.")
        graph = self.build_json(text, "--window", "tokens:2")
        self.assertEqual(graph["graph"]["window"], "tokens:2")
        self.assertEqual([(l["source"], l["target"], l["count"]) for l in graph["links"]], [("CHN", "IRN", 2)])
        self.assert_error(run("build", text, "--window", "tokens:0"), "--window")
        self.assert_error(run("build", text, "--window", "tokens:3", "--weight", "pmi"), "--weight pmi")

    def test_repeated_mentions_in_one_sentence_count_once(self):
        text = self.write("a.txt", "China, China and China's envoy met Iran.")
        graph = self.build_json(text)
        self.assertEqual(graph["links"], [{"source": "CHN", "target": "IRN", "weight": 1, "count": 1, "documents": 1}])
        china = next(n for n in graph["nodes"] if n["id"] == "CHN")
        self.assertEqual((china["mentions"], china["documents"]), (3, 1))

    def test_json_lines_documents_and_fields(self):
        records = [{"doc_id": "a", "body": "China met Iran."}, {"doc_id": 7, "body": "Iran met China."},
                   {"doc_id": "c", "body": "No entities here."}]
        path = self.write("in.jsonl", "".join(json.dumps(r) + "\n" for r in records))
        graph = self.build_json(path, "--id-field", "doc_id", "--text-field", "body")
        self.assertEqual(graph["graph"]["documents"], 3)
        self.assertEqual(graph["links"], [{"source": "CHN", "target": "IRN", "weight": 2, "count": 2, "documents": 2}])

    def test_stdin_is_read_as_text(self):
        result = run("build", "-", "-o", "-", stdin=b"The U.S. and Canada signed.")
        self.assertEqual(result.returncode, 0, result.stderr)
        graph = json.loads(result.stdout)
        self.assertEqual([(l["source"], l["target"]) for l in graph["links"]], [("CAN", "USA")])

    def test_stdin_as_json_lines(self):
        result = run("mentions", "-", "--input-format", "jsonl", stdin=b'{"id": "x", "text": "Peru"}\n')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["doc"], "x")

    def test_ignore_case_relaxes_names_but_not_acronyms(self):
        text = self.write("lower.txt", "china and iran met us at the who.")
        self.assertEqual(self.build_json(text)["nodes"], [])
        ids = [n["id"] for n in self.build_json(text, "--ignore-case")["nodes"]]
        self.assertEqual(ids, ["CHN", "IRN"])

    def test_languages_select_the_names_of_other_languages(self):
        text = self.write("es.txt", "España y Francia critican a EE.UU. y a la ONU.\n")
        # English alone: none of these Spanish names. By default (auto) the text is Spanish.
        self.assertEqual(self.build_json(text, "--languages", "en")["nodes"], [])
        self.assertEqual(sorted(n["id"] for n in self.build_json(text)["nodes"]), ["ESP", "FRA", "UN", "USA"])
        ids = sorted(n["id"] for n in self.build_json(text, "--languages", "es")["nodes"])
        self.assertEqual(ids, ["ESP", "FRA", "UN", "USA"])
        self.assertEqual(sorted(n["id"] for n in self.build_json(text, "--languages=de,ru")["nodes"]), [])
        self.assertEqual([n["id"] for n in self.build_json(text, "--languages=fr")["nodes"]], ["UN"])  # ONU
        self.assertEqual(len(self.build_json(text, "--languages", "all")["nodes"]), 4)
        # English names stay on whatever is chosen.
        english = self.write("en.txt", "China and Russia met.\n")
        self.assertEqual(sorted(n["id"] for n in self.build_json(english, "--languages", "es")["nodes"]),
                         ["CHN", "RUS"])
        mentions = run("mentions", "--languages", "ru", self.write("ru.txt", "Россия и США."))
        self.assertEqual([json.loads(line)["entity"] for line in mentions.stdout.decode().splitlines()],
                         ["RUS", "USA"])
        explained = run("explain", "ESP", "France", text, "--languages", "es")
        self.assertEqual(explained.returncode, 0, explained.stderr.decode())

    def test_inflected_names_and_their_rules_in_a_user_gazetteer(self):
        text = self.write("ru.txt", "Санкции против России и Китая.\n")
        mentions = run("mentions", "--languages", "ru", text)
        self.assertEqual([json.loads(line)["entity"] for line in mentions.stdout.decode().splitlines()],
                         ["RUS", "CHN"])
        # English alone: no Russian forms; by default (the language detected) they are found.
        self.assertEqual(self.build_json(text, "--languages", "en")["nodes"], [])
        self.assertEqual(sorted(n["id"] for n in self.build_json(text)["nodes"]), ["CHN", "RUS"])
        # A user's rule inflects the built-in names of its language.
        rules = self.write("rules.tsv", "ending\tes\ta\tita\n")
        spanish = self.write("es.txt", "Espanita y Francia.\n")
        ids = sorted(n["id"] for n in self.build_json(spanish, "--languages", "es", "--gazetteer", rules)["nodes"])
        self.assertEqual(ids, ["ESP", "FRA"])
        bad = self.write("bad.tsv", "# rules\nending\tes\ta\n")
        self.assert_error(run("build", spanish, "--languages", "es", "--gazetteer", bad), "bad.tsv:2",
                          "an ending record is")

    def test_chinese_compounds_and_sentences_without_spaces(self):
        # 中美关系紧张。日本和美国 — a compound gives China and the US on their own characters,
        # and the sentence ends at 。 with no space after it.
        text = "中美关系紧张。日本和美国"
        mentions = run("mentions", "--languages", "zh", self.write("zh.txt", text))
        self.assertEqual(mentions.returncode, 0, mentions.stderr.decode())
        found = [json.loads(line) for line in mentions.stdout.decode().splitlines()]
        encoded = text.encode()
        self.assertEqual([(m["entity"], encoded[m["start"]:m["end"]].decode(), m["sentence"]) for m in found],
                         [("CHN", "中", 0), ("USA", "美", 0), ("JPN", "日本", 1), ("USA", "美国", 1)])
        # A compound with one character too many is an error naming its file and line.
        bad = self.write("bad-compound.tsv", "# compounds\ncompound\tzh\t中美洲\tCHN,USA\n")
        result = run("gazetteer", "check", "--languages", "zh", bad)
        self.assertEqual(result.returncode, 2)
        self.assertIn("bad-compound.tsv:2", result.stderr.decode())
        self.assertIn("3 characters for 2 entities", result.stderr.decode())

    def test_unknown_language_is_a_usage_error_with_a_suggestion(self):
        text = self.write("t.txt", "China.")
        self.assert_error(run("build", text, "--languages", "sp"), "'sp'", "did you mean es?")
        self.assert_error(run("build", text, "--languages", "xq"), "'xq'", "languages with names")
        self.assert_error(run("mentions", text, "--languages", "spanish"), "spanish", "ISO 639-1")
        self.assert_error(run("build", text, "--languages", "es,"), "empty language code")

    def test_empty_inputs_give_an_empty_valid_graph(self):
        empty_text = self.write("empty.txt", "")
        empty_jsonl = self.write("empty.jsonl", "")
        graph = self.build_json(empty_text)
        self.assertEqual((graph["nodes"], graph["links"], graph["graph"]["documents"]), ([], [], 1))
        graph = self.build_json(empty_jsonl)
        self.assertEqual((graph["nodes"], graph["links"], graph["graph"]["documents"]), ([], [], 0))
        dot = run("build", empty_text, "--format", "dot", "-o", "-")
        self.assertEqual(dot.returncode, 0)
        self.assertTrue(dot.stdout.startswith(b"strict graph"))


class Languages(CliTestCase):
    """--languages auto (detection per document), a list, and --label-language."""

    MIXED = [
        {"id": "en", "text": "China and France signed a trade agreement in Beijing on Monday, officials said."},
        {"id": "es", "text": "China y Francia firmaron un acuerdo comercial en Pekín el lunes, según fuentes oficiales."},
        {"id": "ru", "text": "Китай и Франция подписали торговое соглашение в Пекине в понедельник, сообщили чиновники."},
        {"id": "de", "text": "China und Frankreich haben am Montag in Peking ein Handelsabkommen unterzeichnet."},
        # Words run together in Chinese: the names stand between punctuation here (the matcher's
        # word boundaries in CJK text are another part of issue 14).
        {"id": "zh", "text": "中国、法国：双方星期一在北京签署贸易协定。"},
    ]

    def mixed_corpus(self):
        return self.write("mixed.jsonl", "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in self.MIXED))

    def build_json(self, path, *args):
        result = run("build", path, "-o", "-", "--format", "json", *args)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return json.loads(result.stdout)

    def mentions(self, path, *args):
        result = run("mentions", path, *args)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return [json.loads(line) for line in result.stdout.decode().splitlines()]

    def test_a_mixed_language_corpus_gives_one_graph_of_the_same_entities(self):
        graph = self.build_json(self.mixed_corpus(), "--window", "document")
        self.assertEqual(sorted(n["id"] for n in graph["nodes"]), ["CHN", "FRA"])
        self.assertEqual(len(graph["links"]), 1)
        self.assertEqual(graph["links"][0]["documents"], 5)  # every language named both

    def test_mentions_say_their_language_and_the_documents(self):
        rows = self.mentions(self.mixed_corpus())
        by_doc = {}
        for row in rows:
            by_doc.setdefault(row["doc"], []).append(row)
        self.assertEqual(sorted(by_doc), ["de", "en", "es", "ru", "zh"])
        for doc, found in by_doc.items():
            self.assertEqual([r["entity"] for r in found], ["CHN", "FRA"], doc)
            self.assertEqual(found[0]["document_languages"][0], doc)
        self.assertEqual([r["language"] for r in by_doc["ru"]], ["ru", "ru"])
        self.assertEqual([r["language"] for r in by_doc["en"]], ["en", "en"])
        # "China" is an English name (and so a name in every language): the document's language.
        self.assertEqual([r["language"] for r in by_doc["es"]], ["es", "es"])
        with_text = run("mentions", "--with-text", self.mixed_corpus()).stdout.decode().splitlines()
        self.assertEqual(json.loads(with_text[0])["languages"], ["en"])
        # A list detects nothing: no document languages.
        listed = self.mentions(self.mixed_corpus(), "--languages", "ru")
        self.assertTrue(all(r["document_languages"] == [] for r in listed))

    def test_the_iceland_trap(self):
        english = self.write("en.txt", "The ferry reached the Island after a long crossing from the mainland.\n")
        german = self.write("de.txt", "Die Regierung von Island hat am Montag neue Maßnahmen beschlossen.\n")
        self.assertEqual(self.build_json(english)["nodes"], [])
        self.assertEqual([n["id"] for n in self.build_json(german)["nodes"]], ["ISL"])
        # With the German names on in every document, the English text falls in the trap.
        self.assertEqual([n["id"] for n in self.build_json(english, "--languages", "de")["nodes"]], ["ISL"])

    def test_languages_list_against_auto(self):
        text = self.write("fr.txt", "La France et l'Allemagne ont critiqué la Chine lundi à Bruxelles.\n")
        self.assertEqual(sorted(n["id"] for n in self.build_json(text)["nodes"]), ["CHN", "DEU", "FRA"])
        # es is loaded and on, fr is not loaded at all: only the English (and Spanish) names.
        self.assertEqual(sorted(n["id"] for n in self.build_json(text, "--languages", "es")["nodes"]), ["FRA"])

    def test_label_language(self):
        text = self.write("en.txt", "China and the UN met France.\n")
        graph = self.build_json(text, "--label-language", "fr")
        labels = {n["id"]: n["label"] for n in graph["nodes"]}
        self.assertEqual(labels, {"CHN": "Chine", "UN": "ONU", "FRA": "France"})
        dot = run("build", text, "--format", "dot", "-o", "-", "--label-language", "fr").stdout.decode()
        self.assertIn("label=Chine,", dot)
        self.assertEqual({n["id"]: n["label"] for n in self.build_json(text, "--label-language", "zh")["nodes"]},
                         {"CHN": "中国", "UN": "联合国", "FRA": "法国"})
        # Labels are read even when the language's names are not loaded.
        self.assertEqual({n["id"]: n["label"] for n in self.build_json(text, "--languages", "es",
                                                                          "--label-language", "ru")["nodes"]}["UN"],
                         "ООН")
        self.assertEqual({n["id"]: n["label"] for n in self.build_json(text)["nodes"]}["CHN"], "China")
        self.assert_error(run("build", text, "--label-language", "cn"), "'cn'", "did you mean zh?")
        self.assert_error(run("build", text, "--label-language", "french"), "ISO 639-1")


class Mentions(CliTestCase):
    def test_fields_and_byte_offsets_into_the_original_text(self):
        text = "İstanbul talks: Côte d’Ivoire and China’s envoy.\n\nThe U.S. agreed. Iran did not."
        path = self.write("m.txt", text)
        result = run("mentions", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
        raw = text.encode()
        self.assertEqual([r["entity"] for r in rows], ["CIV", "CHN", "USA", "IRN"])
        for row in rows:
            self.assertEqual(list(row), ["doc", "start", "end", "text", "entity", "category", "paragraph", "sentence",
                                         "language", "document_languages"])
            self.assertEqual(raw[row["start"]:row["end"]].decode(), row["text"])
            self.assertEqual(row["doc"], str(path))
            self.assertEqual(row["category"], "country")
        self.assertEqual([(r["paragraph"], r["sentence"]) for r in rows], [(0, 0), (0, 0), (1, 1), (1, 2)])

    def test_output_file(self):
        path = self.write("m.txt", "Chile and Peru.")
        out = self.tmp / "mentions.jsonl"
        self.assertEqual(run("mentions", path, "-o", out).returncode, 0)
        self.assertEqual(len(out.read_text().splitlines()), 2)


class Errors(CliTestCase):
    def test_missing_file(self):
        missing = self.tmp / "nope.txt"
        self.assert_error(run("build", missing, "-o", self.tmp / "g.json"), f"{missing}: no such file")
        self.assert_no_stray_files(self.tmp, [])

    def test_directory_with_nothing_to_read(self):
        empty = self.tmp / "empty"
        empty.mkdir()
        self.write("empty/notes.md", "China")
        self.assert_error(run("build", empty), str(empty), "no .txt or .jsonl")

    def test_malformed_json_line_names_file_and_line(self):
        path = self.write("bad.jsonl", '{"id": "a", "text": "Chile"}\n\n{"id": "b", "text": \n')
        self.assert_error(run("build", path, "-o", self.tmp / "g.json"), f"{path}:3:", "malformed JSON")
        self.assert_no_stray_files(self.tmp, ["bad.jsonl"])

    def test_json_line_without_text(self):
        path = self.write("bad.jsonl", '{"id": "a", "body": "Chile"}\n')
        self.assert_error(run("mentions", path), f"{path}:1:", '"text"')

    def test_json_line_that_is_not_an_object(self):
        path = self.write("bad.jsonl", '["Chile"]\n')
        self.assert_error(run("build", path), f"{path}:1:", "object")

    def test_invalid_utf8_in_text_file_is_rejected_with_its_position(self):
        path = self.write("latin1.txt", b"First line.\nCaf\xe9 in Peru.\n")
        self.assert_error(run("build", path, "-o", self.tmp / "g.json"), f"{path}:2:", "invalid UTF-8", "column 4")
        self.assert_no_stray_files(self.tmp, ["latin1.txt"])

    def test_invalid_utf8_in_json_line(self):
        path = self.write("bad.jsonl", b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "\xff"}\n')
        self.assert_error(run("build", path), f"{path}:2:", "invalid UTF-8")

    def test_unknown_option_and_command(self):
        self.assert_error(run("build", "--colour", "x.txt"), "unknown option '--colour'")
        self.assert_error(run("paint"), "unknown command 'paint'")

    def test_bad_option_values(self):
        self.assert_error(run("build", "x.txt", "--window", "page"), "--window")
        self.assert_error(run("build", "x.txt", "--format", "svgz"), "--format")
        self.assert_error(run("build", "x.txt", "-o", "graph.xyz"), "graph.xyz")
        self.assert_error(run("build", "x.txt", "-o"), "-o needs a value")
        self.assert_error(run("build"), "no input")

    def test_error_leaves_existing_outputs_untouched(self):
        good = self.write("good.txt", "Chile and Peru.")
        bad = self.write("bad.jsonl", "not json\n")
        out = self.tmp / "g.json"
        self.assertEqual(run("build", good, "-o", out).returncode, 0)
        before = out.read_bytes()
        self.assert_error(run("build", good, bad, "-o", out, "-o", self.tmp / "g.dot"), f"{bad}:1:")
        self.assertEqual(out.read_bytes(), before)
        self.assert_no_stray_files(self.tmp, ["good.txt", "bad.jsonl", "g.json"])

    def test_outputs_appear_together_or_not_at_all(self):
        good = self.write("good.txt", "Chile and Peru.")
        with open("/dev/full", "wb") as full:
            result = subprocess.run([COMENTION, "build", str(good), "-o", str(self.tmp / "g.json"), "-o", "-"],
                                    stdout=full, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn(b"standard output", result.stderr)
        self.assert_no_stray_files(self.tmp, ["good.txt"])

    def test_same_input_twice_is_refused(self):
        good = self.write("good.txt", "Chile and Peru.")
        self.assert_error(run("build", good, good), str(good), "twice")
        self.assert_error(run("build", self.tmp, good), "twice")

    def test_a_folder_on_standard_input_is_an_error(self):
        fd = os.open(self.tmp, os.O_RDONLY)
        try:
            result = subprocess.run([COMENTION, "build", "-"], stdin=fd, capture_output=True, timeout=60)
        finally:
            os.close(fd)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"cannot read", result.stderr)

    def test_a_file_name_that_is_not_utf8_is_still_printed(self):
        folder = self.tmp / "in"
        folder.mkdir()
        (folder / "caf\udce9.txt").write_bytes(b"Chile and Peru.")  # the byte 0xE9 in the name
        result = run("mentions", folder)
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        self.assertEqual([r["entity"] for r in rows], ["CHL", "PER"])

    def test_output_in_missing_directory(self):
        good = self.write("good.txt", "Chile and Peru.")
        self.assert_error(run("build", good, "-o", self.tmp / "no" / "g.json"), "g.json")


class WeightsAndFilters(CliTestCase):
    TEXT = ("China met Iran. China met Iran. China met Peru. Chile met Peru.\n\n"
            "Chile and Peru signed. The WHO praised Chile.\n")

    def links(self, *args):
        text = self.write("t.txt", self.TEXT)
        graph = self.build_json(text, *args)
        return graph, {(l["source"], l["target"]): l for l in graph["links"]}

    def test_weight_measure_keeps_the_count(self):
        graph, links = self.links("--weight", "pmi")
        self.assertEqual(graph["graph"]["weight"], "pmi")
        # 6 sentences; China in 3, Iran in 2, together in 2: log2(2*6/(3*2)) = 1.
        self.assertAlmostEqual(links[("CHN", "IRN")]["weight"], 1.0)
        self.assertEqual(links[("CHN", "IRN")]["count"], 2)
        _, dice = self.links("--weight", "dice")
        self.assertAlmostEqual(dice[("CHN", "IRN")]["weight"], 0.8)  # 2*2/(3+2)
        dot = run("build", self.tmp / "t.txt", "--weight", "npmi", "--format", "dot", "-o", "-").stdout.decode()
        self.assertIn("weight=npmi", dot)
        self.assertIn("score=", dot)
        self.assert_error(run("build", self.tmp / "t.txt", "--weight", "tfidf"), "--weight")

    def test_filters(self):
        _, links = self.links("--min-count", "2")
        self.assertEqual(sorted(links), [("CHL", "PER"), ("CHN", "IRN")])
        graph, _ = self.links("--min-mentions", "3")
        self.assertEqual([n["id"] for n in graph["nodes"]], ["CHL", "CHN", "PER"])
        graph, _ = self.links("--categories", "organization")
        self.assertEqual([n["id"] for n in graph["nodes"]], ["WHO"])
        graph, links = self.links("--focus", "IRN", "--depth", "1")
        self.assertEqual([n["id"] for n in graph["nodes"]], ["CHN", "IRN"])
        graph, _ = self.links("--focus", "IRN", "--depth", "2")
        self.assertEqual([n["id"] for n in graph["nodes"]], ["CHN", "IRN", "PER"])
        graph, links = self.links("--min-count", "2", "--drop-isolates")
        self.assertEqual([n["id"] for n in graph["nodes"]], ["CHL", "CHN", "IRN", "PER"])
        _, links = self.links("--top-edges", "1")
        self.assertEqual(sorted(links), [("CHL", "PER"), ("CHL", "WHO"), ("CHN", "IRN")])

    def test_filter_errors(self):
        text = self.write("t.txt", self.TEXT)
        self.assert_error(run("build", text, "--min-count", "zero"), "--min-count")
        self.assert_error(run("build", text, "--top-edges", "0"), "--top-edges")
        self.assert_error(run("build", text, "--categories", "planets"), "--categories")
        self.assert_error(run("build", text, "--focus", "ATLANTIS"), "ATLANTIS")


class Evidence(CliTestCase):
    TEXT = "China met Iran on Monday. Peru waited.\n\nIran and China signed a deal. China and Iran met again.\n"

    def test_evidence_in_json_and_dot(self):
        text = self.write("t.txt", self.TEXT)
        graph = self.build_json(text, "--evidence", "2")
        link = graph["links"][0]
        self.assertEqual((link["source"], link["target"], link["count"]), ("CHN", "IRN", 3))
        self.assertEqual([e["text"] for e in link["evidence"]], ["China met Iran on Monday.", "Iran and China signed a deal."])
        raw = self.TEXT.encode()
        for item in link["evidence"]:
            self.assertEqual(item["doc"], str(text))
            self.assertEqual(raw[item["start"]:item["end"]].decode(), item["text"])
        self.assertNotIn("evidence", self.build_json(text)["links"][0])
        dot = run("build", text, "--evidence", "1", "--format", "dot", "-o", "-").stdout.decode()
        self.assertIn("China met Iran on Monday.", dot)

    def test_explain(self):
        text = self.write("t.txt", self.TEXT)
        result = run("explain", "CHN", "IRN", text)
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout.decode()
        self.assertIn("China (CHN) and Iran (IRN) are named together in 3 sentences in 1 document", out)
        # The two names are marked (not on a terminal: with guillemets).
        self.assertIn("\u00abIran\u00bb and \u00abChina\u00bb signed a deal.", out)
        self.assertIn(f"{text} [0, 25)", out)
        limited = run("explain", "IRN", "CHN", text, "--evidence", "1").stdout.decode()
        self.assertIn("1 of them, from the earliest and the latest documents and between:", limited)
        self.assertNotIn("signed a deal", limited)
        never = run("explain", "CHN", "PER", text)
        self.assertEqual(never.returncode, 1)
        self.assertIn("never named in the same sentence", never.stdout.decode())
        paragraph = run("explain", "CHN", "PER", text, "--window", "paragraph")
        self.assertEqual(paragraph.returncode, 0)

    def test_evidence_is_representative_dated_and_the_same_for_any_thread_count(self):
        # 40 stories, dated backwards from 2026-02-09 (story 0) to 2026-01-01 (story 39).
        lines = []
        for i in range(40):
            day = f"2026-{1 + (39 - i) // 31:02d}-{1 + (39 - i) % 31:02d}"
            lines.append(json.dumps({"id": f"s{i}", "day": day, "text": f"Report {i}. China met Iran in story {i}."}))
        path = self.write("news.jsonl", "\n".join(lines) + "\n")
        outputs = set()
        for threads in ("1", "2", "4"):
            result = run("explain", "China", "Iran", path, "--date-field", "day", "--evidence", "3", "--threads", threads)
            self.assertEqual(result.returncode, 0, result.stderr)
            outputs.add(result.stdout)
        self.assertEqual(len(outputs), 1)
        out = outputs.pop().decode()
        shown = re.findall(r"^(s\d+), (\d{4}-\d\d-\d\d) \[", out, re.M)
        self.assertEqual(len(shown), 3, out)
        ids = [doc for doc, _ in shown]
        self.assertEqual(len(set(ids)), 3)  # three different stories
        self.assertIn(("s0", "2026-02-09"), shown)   # the latest
        self.assertIn(("s39", "2026-01-01"), shown)  # the earliest, read last
        self.assertNotEqual(ids, ["s0", "s1", "s2"])  # not the first three read
        # The JSON evidence carries the date as well; the same with any batching.
        graph = self.build_json(path, "--date-field", "day", "--evidence", "3", "--threads", "3")
        evidence = graph["links"][0]["evidence"]
        self.assertEqual([(e["doc"], e["date"]) for e in evidence], shown)

    def test_html_gets_evidence_by_default_and_other_files_do_not(self):
        text = self.write("t.txt", self.TEXT)
        page, graph = self.tmp / "g.html", self.tmp / "g.json"
        result = run("build", text, "-o", page, "-o", graph)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("signed a deal", page.read_text())
        self.assertNotIn("evidence", json.loads(graph.read_text())["links"][0])
        # Asked for, it goes everywhere; asked for none, nowhere.
        run("build", text, "-o", page, "-o", graph, "--evidence", "1")
        self.assertEqual(len(json.loads(graph.read_text())["links"][0]["evidence"]), 1)
        run("build", text, "-o", page, "--evidence", "0")
        self.assertNotIn("signed a deal", page.read_text())

    def test_evidence_carries_the_title(self):
        path = self.write("news.jsonl", "\n".join(json.dumps(r) for r in [
            {"id": "a", "title": "Talks in Beijing", "day": "2026-01-05", "text": "China met Iran."},
            {"id": "b", "title": 7, "text": "Iran and China."},
            {"id": "c", "headline": "Third", "text": "China, Iran."},
        ]) + "\n")
        out = run("explain", "china", "iran", path, "--date-field", "day").stdout.decode()
        self.assertIn("a, 2026-01-05, \u201cTalks in Beijing\u201d [0, 15)\n  \u00abChina\u00bb met \u00abIran\u00bb.", out)
        self.assertIn("\nb [0, 15)\n", out)  # a title that is not a string is none
        evidence = self.build_json(path, "--evidence", "3")["links"][0]["evidence"]
        self.assertEqual([e.get("title") for e in evidence], ["Talks in Beijing", None, None])
        raw = path.read_bytes()
        for item in evidence:  # names: the source's and the target's, as byte spans of the document
            text = json.loads(raw.splitlines()[["a", "b", "c"].index(item["doc"])])["text"].encode()
            self.assertEqual([text[s:e].decode() for s, e in item["names"]], ["China", "Iran"])
        evidence = self.build_json(path, "--evidence", "3", "--title-field", "headline")["links"][0]["evidence"]
        self.assertEqual([e.get("title") for e in evidence], [None, None, "Third"])
        self.assert_error(run("build", path, "--title-field", ""), "--title-field needs a field name")

    def test_explain_errors(self):
        text = self.write("t.txt", self.TEXT)
        self.assert_error(run("explain", "CHN", text), "two entity ids")
        self.assert_error(run("explain", "CHN", "XXX", text), "XXX")
        self.assert_error(run("explain", "CHN", "IRN", text, "-o", "x.json"), "-o")


class TheToolSpeaks(CliTestCase):
    """Issue 12: a summary after build, entities by name, suggestions for near misses."""
    TEXT = ("China met Iran on Monday. China and Iran met again. China and the United States talked.\n\n"
            "Peru waited. Côte d'Ivoire and Ghana traded.\n")

    def test_build_summarises_what_it_read_and_the_strongest_ties(self):
        text = self.write("t.txt", self.TEXT)
        json_out, svg_out = self.tmp / "g.json", self.tmp / "g.dot"
        result = run("build", text, "-o", json_out, "-o", svg_out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr.decode().splitlines(), [
            "comention: 1 document, 5 sentences, 9 mentions; 6 entities, 3 ties (window: sentence)",
            "comention: strongest ties:",
            "  China -- Iran: in 2 sentences, 1 document",
            "  China -- United States: in 1 sentence, 1 document",
            "  Ivory Coast -- Ghana: in 1 sentence, 1 document",
            f"comention: wrote {json_out}, {svg_out}",
        ])
        self.assertEqual(run("build", text, "--quiet", "-o", json_out).stderr, b"")
        # The summary never mixes into a graph written to standard output.
        to_stdout = run("build", text)
        self.assertEqual(json.loads(to_stdout.stdout)["graph"]["documents"], 1)
        self.assertIn(b"strongest ties", to_stdout.stderr)
        # Five ties at most, strongest first; equal ones in id order, so every run prints the same.
        samples = run("build", SAMPLES.relative_to(ROOT), "-o", self.tmp / "s.json").stderr.decode().splitlines()
        self.assertEqual(samples[1:7], [
            "comention: strongest ties:",
            "  China -- United States: in 3 sentences, 1 document",
            "  United Arab Emirates -- Dominica: in 2 sentences, 1 document",
            "  China -- WHO: in 2 sentences, 1 document",
            "  Ivory Coast -- Ghana: in 2 sentences, 1 document",
            "  Dominican Republic -- Saudi Arabia: in 2 sentences, 1 document",
        ])
        self.assertTrue(samples[7].startswith("comention: wrote "), samples)

    def test_summary_shows_the_chosen_weight_and_window(self):
        text = self.write("t.txt", self.TEXT)
        result = run("build", text, "--window", "paragraph", "--weight", "npmi", "-o", self.tmp / "g.json")
        lines = result.stderr.decode().splitlines()
        self.assertEqual(lines[0], "comention: 1 document, 2 paragraphs, 9 mentions; 6 entities, 6 ties (window: paragraph)")
        self.assertRegex(lines[2], r"^  \S.* -- .*: npmi [0-9.]+, in 1 paragraph, 1 document$")
        nothing = self.write("n.txt", "Nothing here.\n")
        result = run("build", nothing, "-o", self.tmp / "n.json")
        self.assertEqual(result.stderr.decode().splitlines()[0],
                         "comention: 1 document, 1 sentence, 0 mentions; 0 entities, 0 ties (window: sentence)")
        self.assertNotIn("strongest", result.stderr.decode())

    def test_focus_and_explain_take_names_in_any_case(self):
        text = self.write("t.txt", self.TEXT)
        by_id = self.build_json(text, "--focus", "CHN")
        for name in ("China", "chn", "CHINA"):
            self.assertEqual(self.build_json(text, "--focus", name), by_id, name)
        self.assertEqual(sorted(n["id"] for n in by_id["nodes"]), ["CHN", "IRN", "USA"])
        for first, second in (("China", "united states"), ("chn", "USA"), ("CHINA", "united STATES")):
            result = run("explain", first, second, text)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("China (CHN) and United States (USA) are named together", result.stdout.decode())
        result = run("explain", "cote d'ivoire", "Ghana", text)
        self.assertIn("Ivory Coast (CIV) and Ghana (GHA)", result.stdout.decode())
        # A name of another language, known to every language's names (auto loads them on need).
        self.assertEqual(self.build_json(text, "--focus", "Chine"), by_id)
        self.assertEqual(self.build_json(text, "--focus", "中国"), by_id)

    def test_near_misses_get_a_suggestion(self):
        text = self.write("t.txt", self.TEXT)
        self.assert_error(run("build", text, "--focus", "Chnia"), "--focus Chnia: no such entity", "did you mean China (CHN)?")
        self.assert_error(run("explain", "China", "Untied States", text), "Untied States", "did you mean United States (USA)?")
        self.assert_error(run("explain", "Atlantis", "Iran", text), "Atlantis: no such entity", "gazetteer list")
        self.assert_error(run("build", text, "--widow", "paragraph"), "unknown option '--widow'", "did you mean --window?")
        self.assert_error(run("mentions", text, "--ouptut", "x"), "did you mean --output?")
        self.assert_error(run("gazetteer", "list", "--no-defualt-gazetteer"), "did you mean --no-default-gazetteer?")
        self.assert_error(run("buidl", text), "unknown command 'buidl'", "did you mean build?")
        self.assert_error(run("build", text, "--window", "sentense"), "did you mean 'sentence'?")
        self.assert_error(run("build", text, "--weight", "jacard"), "did you mean 'jaccard'?")
        self.assert_error(run("gazetteer", "lsit"), "did you mean 'list'?")
        # Far from anything: no guess, the pointer to --help as before.
        result = run("build", text, "--colour", "x")
        self.assert_error(result, "unknown option '--colour'", "comention build --help")
        self.assertNotIn("did you mean", result.stderr.decode())


class TimeSlices(CliTestCase):
    RECORDS = [
        {"id": "a", "date": "2026-01-05", "text": "China met Iran."},
        {"id": "b", "date": "2026-01-20", "text": "Iran met China. Chile waited."},
        {"id": "c", "date": "February 3, 2026", "text": "China met Iran and Chile."},
        {"id": "d", "text": "China met Iran, undated."},
    ]

    def corpus(self, records=None):
        return self.write("in.jsonl", "".join(json.dumps(r) + "\n" for r in (records or self.RECORDS)))

    def test_slices_give_per_period_counts(self):
        graph = self.build_json(self.corpus(), "--date-field", "date", "--slice", "month")
        info = graph["graph"]
        self.assertEqual((info["slice"], info["periods"], info["undated"]), ("month", ["2026-01", "2026-02"], 1))
        link = next(l for l in graph["links"] if (l["source"], l["target"]) == ("CHN", "IRN"))
        self.assertEqual(link["count"], 4)  # the total keeps the undated document
        self.assertEqual(link["periods"], {"2026-01": 2, "2026-02": 1})
        chile = next(n for n in graph["nodes"] if n["id"] == "CHL")
        self.assertEqual(chile["periods"], {"2026-01": 1, "2026-02": 1})
        weekly = self.build_json(self.corpus(), "--date-field", "date", "--slice", "week")
        # Every week of the range is listed, the two without a document too (issue 12).
        self.assertEqual(weekly["graph"]["periods"], ["2026-W02", "2026-W03", "2026-W04", "2026-W05", "2026-W06"])
        ranged = self.build_json(self.corpus(), "--date-field", "date", "--slice", "month",
                                 "--since", "2025-12-15", "--until", "2026-04-01")
        self.assertEqual(ranged["graph"]["periods"], ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04"])

    def test_since_and_until_select_a_range(self):
        graph = self.build_json(self.corpus(), "--date-field", "date", "--since", "2026-01-10", "--until", "2026-01-31")
        info = graph["graph"]
        self.assertEqual((info["documents"], info["undated"], info["outside_range"]), (1, 1, 2))
        self.assertEqual([(l["source"], l["target"], l["count"]) for l in graph["links"]], [("CHN", "IRN", 1)])

    def test_date_errors(self):
        bad = self.corpus(self.RECORDS + [{"id": "e", "date": "03/04/2026", "text": "Peru."}])
        self.assert_error(run("build", bad, "--date-field", "date", "--slice", "day"), f"{bad}:5:", "03/04/2026")
        self.assert_error(run("build", self.corpus(), "--slice", "month"), "--date-field")
        self.assert_error(run("build", self.corpus(), "--date-field", "date", "--since", "soon"), "--since")
        self.assert_error(run("build", self.corpus(), "--date-field", "date", "--slice", "decade"), "--slice")


class CustomGazetteers(CliTestCase):
    def test_custom_gazetteer_adds_overrides_and_drops(self):
        custom = SAMPLES / "custom-gazetteer.tsv"
        text = self.write("t.txt", "SICA met the Middle Kingdom. Chad Smith left. Peru, Indiana. Holland and Britain.")
        rows = [json.loads(line) for line in run("mentions", text, "--gazetteer", custom).stdout.splitlines()]
        self.assertEqual([(r["text"], r["entity"]) for r in rows],
                         [("SICA", "SICA"), ("Middle Kingdom", "CHN"), ("Britain", "GBR")])
        graph = self.build_json(text, "--gazetteer", custom)
        labels = {n["id"]: n["label"] for n in graph["nodes"]}
        self.assertEqual(labels["GBR"], "Britain")
        self.assertEqual(labels["SICA"], "SICA")

    def test_no_default_gazetteer_starts_empty(self):
        own = self.write("own.tsv", "entity\tX\tcountry\tXland\nalias\tX\tXland\n")
        text = self.write("t.txt", "Xland and China met.")
        graph = self.build_json(text, "--no-default-gazetteer", "--gazetteer", own)
        self.assertEqual([n["id"] for n in graph["nodes"]], ["X"])

    def test_capitals_only_on_request(self):
        text = self.write("t.txt", "Beijing and Moscow signed a pact.")
        self.assertEqual(self.build_json(text)["nodes"], [])
        graph = self.build_json(text, "--places", "capitals")
        self.assertEqual([(l["source"], l["target"]) for l in graph["links"]], [("CHN", "RUS")])
        self.assert_error(run("build", text, "--places", "cities"), "--places")

    def test_check_accepts_a_good_file(self):
        result = run("gazetteer", "check", SAMPLES / "custom-gazetteer.tsv")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(b"ok", result.stdout)

    def test_check_reports_every_problem_with_file_and_line(self):
        bad = self.write("bad.tsv", "\n".join([
            "entity\tA\tcountry\tA",
            "entity\tA\tcountry\tA again",          # 2: duplicate id
            "alias\tA\tZed",
            "entity\tB\tcountry\tB",
            "alias\tB\tZed",                          # 5: alias claimed by two entities
            "alias\tA\t",                             # 6: empty alias
            "entity\tC\tplanet\tC",                  # 7: bad field
            "alias\tA\tAy\tshouting",                # 8: rule that does not parse
            "alias\tNOPE\tNope",                      # 9: unknown id
        ]) + "\n")
        result = run("gazetteer", "check", bad)
        self.assertEqual(result.returncode, 2)
        errors = [line for line in result.stderr.decode().splitlines() if line.startswith("comention: error: ")]
        self.assertEqual([e.split(":")[3] for e in errors], ["2", "5", "6", "7", "8", "9"])
        for error in errors:
            self.assertIn(f"{bad}:", error)

    def test_check_of_a_missing_file(self):
        missing = self.tmp / "missing.tsv"
        result = run("gazetteer", "check", missing)
        self.assertEqual(result.returncode, 2)
        self.assertIn(str(missing), result.stderr.decode())

    def test_a_bad_gazetteer_stops_build_with_its_line(self):
        bad = self.write("bad.tsv", "alias\tNOPE\tNope\n")
        text = self.write("t.txt", "China.")
        self.assert_error(run("build", text, "--gazetteer", bad, "-o", self.tmp / "g.json"), f"{bad}:1:")
        self.assert_no_stray_files(self.tmp, ["bad.tsv", "t.txt"])

    def test_list_prints_entities_with_their_aliases(self):
        lines = run("gazetteer", "list").stdout.decode().splitlines()
        china = next(line for line in lines if line.startswith("CHN\t")).split("\t")
        self.assertEqual(china[1:3], ["country", "China"])
        self.assertIn("Chinese", china[3].split(" | "))
        self.assertGreaterEqual(len(lines), 250 + 60)

    def test_export_reads_back_as_the_same_gazetteer(self):
        exported = self.tmp / "all.tsv"
        custom = SAMPLES / "custom-gazetteer.tsv"
        self.assertEqual(run("gazetteer", "export", "--gazetteer", custom, "-o", exported).returncode, 0)
        again = run("gazetteer", "export", "--no-default-gazetteer", "--gazetteer", exported).stdout
        self.assertEqual(again, exported.read_bytes())
        text = self.write("t.txt", (SAMPLES / "vaccine-summit.txt").read_text() + "\nSICA met.")
        self.assertEqual(self.build_json(text, "--gazetteer", custom),
                         self.build_json(text, "--no-default-gazetteer", "--gazetteer", exported))

    def test_export_aliases_one_a_line(self):
        aliases = run("gazetteer", "export", "--aliases").stdout.decode().splitlines()
        self.assertIn("China", aliases)
        self.assertIn("U.S.", aliases)
        self.assertNotIn("Indian Ocean", aliases)  # stop phrases are no aliases

    def test_list_with_a_language_shows_its_names(self):
        lines = run("gazetteer", "list", "--language", "es").stdout.decode().splitlines()
        rows = {line.split("\t")[0]: line.split("\t") for line in lines}
        self.assertEqual(rows["ESP"][1:3], ["country", "Spain"])
        self.assertIn("España", rows["ESP"][3].split(" | "))
        self.assertIn("EE.UU.", rows["USA"][3].split(" | "))
        self.assertIn("ONU", rows["UN"][3].split(" | "))
        self.assertNotIn("Spain", rows["ESP"][3].split(" | "))  # English names are in plain list
        self.assertEqual(len(lines), len(run("gazetteer", "list").stdout.decode().splitlines()))
        russian = run("gazetteer", "list", "--language", "ru").stdout.decode()
        self.assertIn("Россия", russian)
        self.assert_error(run("gazetteer", "export", "--language", "es"), "--language goes with list")
        self.assert_error(run("gazetteer", "list", "--language", "xq"), "'xq'")

    def test_export_with_languages_writes_name_records(self):
        exported = run("gazetteer", "export", "--languages", "es").stdout.decode()
        self.assertIn("name\tes\tESP\tEspaña\tname\n", exported)
        self.assertNotIn("name\tfr\t", exported)
        self.assertNotIn("\nname\t", run("gazetteer", "export").stdout.decode())

    def test_check_validates_the_names_of_every_language(self):
        bad = self.write("names.tsv", "name\tfr\tFRX\tGaule\n")
        self.assertEqual(run("gazetteer", "check", bad).returncode, 2)
        good = self.write("good.tsv", "name\tfr\tFRA\tGaule\n")
        self.assertEqual(run("gazetteer", "check", good).returncode, 0)

    def test_gazetteer_usage_errors(self):
        self.assert_error(run("gazetteer"), "check, list or export")
        self.assert_error(run("gazetteer", "check"), "FILE")
        self.assert_error(run("gazetteer", "list", "--aliases"), "--aliases")


class Drawings(CliTestCase):
    """Every output format, written in one run, holds the same graph; the drawing options show."""

    def build_all(self, *options):
        names = ["g.json", "g.dot", "g.svg", "g.png", "g.pdf", "g.html", "g.graphology.json", "g.csv"]
        result = run("build", SAMPLES.relative_to(ROOT), "--evidence", "2", *options,
                     *[arg for name in names for arg in ("-o", self.tmp / name)])
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return json.loads((self.tmp / "g.json").read_text())

    def test_every_format_holds_the_same_nodes_and_edges(self):
        graph = self.build_all()
        ids = [node["id"] for node in graph["nodes"]]
        pairs = sorted(sorted((link["source"], link["target"])) for link in graph["links"])
        self.assertGreater(len(ids), 10)

        svg = ElementTree.parse(self.tmp / "g.svg").getroot()
        namespace = "{http://www.w3.org/2000/svg}"
        titles = [g.find(namespace + "title").text for g in svg.iter(namespace + "g") if g.get("class") == "node"]
        self.assertEqual(sorted(titles), sorted(ids))
        self.assertEqual((self.tmp / "g.png").read_bytes()[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual((self.tmp / "g.pdf").read_bytes()[:5], b"%PDF-")

        graphology = json.loads((self.tmp / "g.graphology.json").read_text())
        self.assertEqual(graphology["options"], {"type": "undirected", "multi": False, "allowSelfLoops": False})
        self.assertEqual([node["key"] for node in graphology["nodes"]], ids)
        for node in graphology["nodes"]:
            self.assertNotIn("type", node["attributes"])
            for axis in ("x", "y", "size"):
                self.assertIsInstance(node["attributes"][axis], float, (node["key"], axis))
        self.assertTrue(all(edge["undirected"] for edge in graphology["edges"]))
        self.assertEqual(sorted(sorted((e["source"], e["target"])) for e in graphology["edges"]), pairs)
        self.assertTrue(all("type" not in edge["attributes"] for edge in graphology["edges"]))
        positions = {(n["attributes"]["x"], n["attributes"]["y"]) for n in graphology["nodes"]}
        self.assertEqual(len(positions), len(ids), "the layout put two nodes in one place")

        nodes = list(csv.DictReader(io.StringIO((self.tmp / "g.nodes.csv").read_text(), newline="")))
        self.assertEqual([row["id"] for row in nodes], ids)
        by_id = {node["id"]: node for node in graph["nodes"]}
        for row in nodes:
            self.assertEqual(row["label"], by_id[row["id"]]["label"])
            self.assertEqual(int(row["mentions"]), by_id[row["id"]]["mentions"])
            self.assertAlmostEqual(float(row["pagerank"]), by_id[row["id"]]["pagerank"], places=12)
        edges = list(csv.DictReader(io.StringIO((self.tmp / "g.edges.csv").read_text(), newline="")))
        self.assertEqual(sorted(sorted((row["source"], row["target"])) for row in edges), pairs)
        links = {(l["source"], l["target"]): l for l in graph["links"]}
        for row in edges:
            link = links[(row["source"], row["target"])]
            self.assertEqual((int(row["weight"]), int(row["count"])), (link["weight"], link["count"]))
            # The evidence cell holds each kept window's text, led by its document.
            for window in link["evidence"]:
                self.assertIn(window["text"], row["evidence"])

    def test_one_layout_for_every_drawn_output(self):
        # Issue 12: each drawn output used to be laid out anew. The SVG, the viewer and
        # graphology now come from one layout, so every node is at the same place in each.
        self.build_all()
        namespace = "{http://www.w3.org/2000/svg}"
        def centres(svg):
            found = {}
            for g in svg.iter(namespace + "g"):
                if g.get("class") == "node":
                    shape = next(g.iter(namespace + "ellipse"), None)
                    if shape is not None:
                        found[g.find(namespace + "title").text] = (shape.get("cx"), shape.get("cy"))
            return found
        picture = centres(ElementTree.parse(self.tmp / "g.svg").getroot())
        self.assertGreater(len(picture), 5)
        page = (self.tmp / "g.html").read_text()
        opening = '<script type="application/json" id="comention-data">'
        start = page.index(opening) + len(opening)
        viewer = {node["id"]: node for node in json.loads(page[start:page.index("</script>", start)])["nodes"]}
        graphology = {node["key"]: node["attributes"] for node in
                      json.loads((self.tmp / "g.graphology.json").read_text())["nodes"]}
        self.assertLessEqual(set(picture), set(viewer))  # organizations are boxes, not ellipses
        for key, (x, y) in picture.items():
            # SVG turns y downwards (cy is -y); the viewer's data and graphology keep Graphviz's
            # points, y upwards.
            for placed in (viewer[key], graphology[key]):
                self.assertAlmostEqual(float(x), placed["x"], delta=0.02)
                self.assertAlmostEqual(-float(y), placed["y"], delta=0.02)

    def test_splines_choose_curves_or_straight_lines(self):
        sample = SAMPLES.relative_to(ROOT) / "briefs.jsonl"
        def splines(*options):
            out = self.tmp / "s.dot"
            result = run("build", sample, *options, "-o", out, "-o", self.tmp / "s.svg")
            self.assertEqual(result.returncode, 0, result.stderr.decode())
            return re.search(r"splines=(\w+)", out.read_text()).group(1)
        self.assertEqual(splines(), "true")  # a small graph: curved by default
        self.assertEqual(splines("--splines", "curved"), "true")
        self.assertEqual(splines("--splines", "straight"), "line")
        self.assertEqual(splines("--splines", "auto"), "true")
        self.assert_error(run("build", sample, "--splines", "spline"), "--splines")

    def test_progress_covers_layout_and_writing(self):
        names = ("g.svg", "g.json")
        result = run("build", SAMPLES.relative_to(ROOT), "--progress",
                     *[arg for name in names for arg in ("-o", self.tmp / name)])
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        lines = result.stderr.decode().splitlines()
        self.assertRegex(lines[1], r"^comention: laying out \d+ entities and \d+ ties \(neato, curved edges\) "
                                   r"and rendering svg \.\.\.$")
        self.assertRegex(lines[2], r"^comention: laying out .*: \d+\.\d s$")
        self.assertRegex(lines[3], r"^comention: writing .*g\.svg \(1 of 2\): \d+\.\d s$")
        self.assertRegex(lines[4], r"^comention: writing .*g\.json \(2 of 2\): \d+\.\d s$")
        # Without a drawn output there is nothing to lay out.
        result = run("build", SAMPLES.relative_to(ROOT), "--progress", "-o", self.tmp / "g.json")
        self.assertNotIn("laying out", result.stderr.decode())

    def test_html_viewer_is_self_contained(self):
        graph = self.build_all()
        page = html.unescape((self.tmp / "g.html").read_text())
        self.assertTrue(page.startswith("<!DOCTYPE html>"), page[:40])
        self.assertNotRegex(page, r"<script[^>]*\bsrc=|<link[^>]*\bhref=|@import|https?://(?!www\.w3\.org)")
        data = json.loads(re.search(r'<script type="application/json" id="comention-data">(.*?)</script>',
                                    page, re.S).group(1))
        self.assertEqual([node["id"] for node in data["nodes"]], [node["id"] for node in graph["nodes"]])
        self.assertEqual(len(data["edges"]), len(graph["links"]))
        # The page draws from the layout's positions, the same ones graphology.json carries.
        layout = json.loads((self.tmp / "g.graphology.json").read_text())
        positions = {node["key"]: (node["attributes"]["x"], node["attributes"]["y"]) for node in layout["nodes"]}
        for node in data["nodes"]:
            self.assertEqual((node["x"], node["y"]), positions[node["id"]], node["id"])
        for index, edge in enumerate(data["edges"]):
            link = graph["links"][index]
            names = (data["nodes"][edge["source"]]["id"], data["nodes"][edge["target"]]["id"])
            self.assertEqual(names, (link["source"], link["target"]))
            self.assertEqual([w["text"] for w in edge["evidence"]], [w["text"] for w in link["evidence"]])

    def test_a_closing_script_tag_in_the_text_cannot_end_the_viewer_data(self):
        text = self.write("t.txt", "China and Peru signed it </script><script>alert(1)</script> today.")
        out = self.tmp / "t.html"
        self.assertEqual(run("build", text, "--evidence", "1", "-o", out).returncode, 0)
        page = out.read_text()
        self.assertFalse("<script>alert(1)" in page or "</script><script>" in page, "the evidence broke out")
        data = re.search(r'id="comention-data">(.*?)</script>', page, re.S).group(1)
        self.assertIn("</script><script>alert(1)</script>", json.loads(data)["edges"][0]["evidence"][0]["text"])

    def test_drawings_are_deterministic(self):
        names = ("g.dot", "g.svg", "g.png", "g.html", "g.graphology.json", "g.nodes.csv", "g.edges.csv")
        self.build_all()
        first = {name: (self.tmp / name).read_bytes() for name in names}
        self.build_all()
        for name, content in first.items():
            self.assertEqual((self.tmp / name).read_bytes(), content, name)

    def test_dot_styling(self):
        sample = SAMPLES.relative_to(ROOT)
        dot = run("build", sample, "--format", "dot").stdout.decode()
        self.assertIn("layout=neato", dot)
        self.assertIn("overlap=false", dot)
        self.assertIn("Colour: community", dot)
        graph = self.build_json(sample)
        most = max(graph["nodes"], key=lambda node: node["mentions"])
        least = min(graph["nodes"], key=lambda node: node["mentions"])
        width = lambda node: float(re.search(r"\b%s\t\[(.*?)\];" % node["id"], dot, re.S).group(1)
                                     .split("width=")[1].split("]")[0].split(",")[0])
        self.assertGreater(width(most), width(least))
        self.assertEqual(dot.count("penwidth="), len(graph["links"]) + 1)  # each edge, and the default
        self.assertIn("layout=circo", run("build", sample, "--format", "dot", "--layout", "circo").stdout.decode())
        region = run("build", sample, "--format", "dot", "--color-by", "region").stdout.decode()
        self.assertIn("Colour: region", region)
        self.assertIn("Europe", region)

    def test_geo_places_countries_by_latitude_and_longitude(self):
        dot = run("build", SAMPLES.relative_to(ROOT), "--format", "dot", "--geo").stdout.decode()
        self.assertIn("layout=nop", dot)
        positions = {name: tuple(map(float, re.search(r'\b%s\t\[[^]]*?pos="([-0-9.]+),([-0-9.]+)!"' % name,
                                                       dot, re.S).groups()))
                     for name in ("CHN", "USA", "CHL", "DEU", "WHO")}
        self.assertLess(positions["USA"][0], positions["DEU"][0])   # west of
        self.assertLess(positions["DEU"][0], positions["CHN"][0])
        self.assertLess(positions["CHL"][1], positions["USA"][1])   # south of
        self.assertLess(positions["WHO"][1], positions["CHL"][1])   # organizations beneath the map
        result = subprocess.run(["neato", "-n", "-Tsvg"], input=dot.encode(), capture_output=True)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assert_error(run("build", SAMPLES.relative_to(ROOT), "--geo", "--layout", "dot"), "--geo")

    def test_csv_tables_by_name_and_by_flag(self):
        sample = SAMPLES.relative_to(ROOT)
        result = run("build", sample, "-o", self.tmp / "nodes.csv", "-o", self.tmp / "my-edges.csv",
                     "--csv-table", "nodes", "-o", self.tmp / "table.csv")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assert_no_stray_files(self.tmp, ["nodes.csv", "my-edges.csv", "table.csv"])
        self.assertTrue((self.tmp / "nodes.csv").read_text().startswith("id,label,category,"))
        self.assertTrue((self.tmp / "my-edges.csv").read_text().startswith("source,target,"))
        self.assertTrue((self.tmp / "table.csv").read_text().startswith("id,label,category,"))
        self.assertIn(b"\r\n", (self.tmp / "nodes.csv").read_bytes())
        edges = run("build", sample, "--format", "csv", "--csv-table", "edges").stdout.decode()
        self.assertTrue(edges.startswith("source,target,source_label,target_label,weight,count,documents\r\n"))
        self.assert_error(run("build", sample, "--format", "csv"), "--csv-table")
        self.assert_error(run("build", sample, "--csv-table", "rows"), "--csv-table")

    def test_backbone_of_drawings(self):
        sample = SAMPLES.relative_to(ROOT)
        # The samples (50 entities, 49 ties) are small: drawn whole by default, legend as before.
        whole = run("build", sample, "--format", "dot").stdout.decode()
        self.assertNotIn("Shown:", whole)
        self.assertEqual(run("build", sample, "--format", "dot", "--backbone", "off").stdout.decode(), whole)
        self.assertEqual(run("build", sample, "--format", "dot", "--backbone=auto").stdout.decode(), whole)
        # A level asked for filters whatever the size; the legend says what is shown.
        part = run("build", sample, "--format", "dot", "--backbone", "0.3").stdout.decode()
        self.assertIn("Shown: </b>10 of 50 entities, 6 of 49 ties: the backbone by the disparity filter, "
                      "\u03b1 = 0.3.", part)
        self.assertEqual(part.count(" -- "), 6)
        # Only drawings: the data formats keep the whole graph.
        self.assertEqual(self.build_json(sample, "--backbone", "0.3"), self.build_json(sample))
        svg = run("build", sample, "--format", "svg", "--backbone", "0.3").stdout.decode()
        self.assertEqual(svg.count('<g id="node'), 10)

    def test_a_large_graph_is_drawn_as_its_backbone_by_default(self):
        # 90 countries in a ring, each named once with its neighbour and with the United States,
        # and ten times with its partner across the ring: about 90 entities and 225 ties. Only
        # the partners stand out (alpha (3/13)^3 = 0.012 at either end; the rest 0.79 or more).
        countries = [line.split("\t")[2] for line in run("gazetteer", "list").stdout.decode().splitlines()
                     if line.split("\t")[1] == "country" and line.split("\t")[2] != "United States"][:90]
        sentences = []
        for i, name in enumerate(countries):
            sentences.append(f"{name} and {countries[(i + 1) % 90]} met.")
            sentences.append(f"{name} and the United States spoke.")
            if i < 45:
                sentences += [f"{name} and {countries[i + 45]} agreed."] * 10
        corpus = self.write("large.txt", "\n\n".join(sentences) + "\n")
        graph = self.build_json(corpus)
        self.assertGreater(len(graph["nodes"]), 80)  # a name or two may be ambiguous and not count
        dot = run("build", corpus, "--format", "dot").stdout.decode()
        shown = re.search(r"Shown: </b>(\d+) of %d entities, (\d+) of (\d+) ties: the backbone by the "
                          r"disparity filter, \u03b1 = 0\.05" % len(graph["nodes"]), dot)
        self.assertIsNotNone(shown, dot[:2000])
        self.assertEqual(int(shown.group(3)), len(graph["links"]))
        self.assertEqual(dot.count(" -- "), int(shown.group(2)))
        self.assertLess(int(shown.group(2)), len(graph["links"]))
        self.assertNotIn("Shown:", run("build", corpus, "--format", "dot", "--backbone", "off").stdout.decode())

    def test_drawing_option_errors(self):
        sample = SAMPLES.relative_to(ROOT)
        for value in ("0", "1", "-0.1", "0.05x", "strong", ""):
            self.assert_error(run("build", sample, "--backbone", value), "--backbone")
        self.assert_error(run("build", sample, "--layout", "twopi"), "--layout")
        self.assert_error(run("build", sample, "--color-by", "size"), "--color-by")
        self.assert_error(run("build", sample, "-o", self.tmp / "a.svg", "-o", self.tmp / "a.svg"), "twice")
        self.assert_error(run("build", sample, "-o", self.tmp / "a.csv", "-o", self.tmp / "a.nodes.csv"), "twice")
        self.assert_no_stray_files(self.tmp, [])


class InputFormats(CliTestCase):
    """Issue 13: the inputs people have (JSON in any shape, CSV, compressed files, archives) give
    the graph their JSON Lines would, or a clear error; never one big text document."""

    def reuters_records(self, count=60):
        """Records shaped like scripts' Reuters JSON Lines: id, date, title, text, places."""
        import random
        sentences = []
        for sample in sorted(SAMPLES.glob("*.txt")):
            sentences += [s.strip() + "." for s in sample.read_text().split(". ") if s.strip()]
        generator = random.Random(13)
        records = []
        for i in range(count):
            text = " ".join(generator.sample(sentences, 2)) + "\n\n" + generator.choice(sentences)
            records.append({"id": f"r{i}", "date": f"26-FEB-1987 15:{i % 60:02d}:01.79",
                            "title": f"Story {i}, \"quoted\"", "text": text, "places": ["usa"]})
        return records

    def jsonl_bytes(self, records):
        return "".join(json.dumps(r) + "\n" for r in records).encode()

    def reference(self, records):
        """The graph of the records as plain JSON Lines: what every other shape must give."""
        graph = self.build_json(self.write("reference.jsonl", self.jsonl_bytes(records)))
        self.assertEqual(graph["graph"]["documents"], len(records))
        self.assertGreater(len(graph["links"]), 5)
        return graph

    def assert_same_graph(self, graph, reference):
        self.assertEqual(graph["graph"]["documents"], reference["graph"]["documents"])
        self.assertEqual(graph["nodes"], reference["nodes"])
        self.assertEqual(graph["links"], reference["links"])

    def test_json_lines_named_json_and_on_stdin_give_the_json_lines_graph(self):
        records = self.reuters_records()
        reference = self.reference(records)
        renamed = self.write("reuters.json", self.jsonl_bytes(records))
        self.assert_same_graph(self.build_json(renamed), reference)
        result = run("build", "-", "-o", "-", stdin=self.jsonl_bytes(records))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assert_same_graph(json.loads(result.stdout), reference)

    def test_a_json_array_and_a_single_record(self):
        records = self.reuters_records()
        reference = self.reference(records)
        array = self.write("reuters.json", json.dumps(records, indent=2))
        self.assert_same_graph(self.build_json(array), reference)
        result = run("build", "-", "-o", "-", stdin=json.dumps(records).encode())
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assert_same_graph(json.loads(result.stdout), reference)
        single = self.write("one.json", json.dumps(records[0], indent=4))
        mentions = run("mentions", single)
        self.assertEqual(mentions.returncode, 0, mentions.stderr.decode())
        self.assertEqual({json.loads(line)["doc"] for line in mentions.stdout.decode().splitlines()}, {"r0"})
        bad = self.write("bad.json", '[\n{"text": "China"},\n{"text": ["Iran"]}\n]\n')
        self.assert_error(run("build", bad), f"{bad}:3:", '"text" is not a string')

    def test_csv_as_pandas_and_spreadsheets_write_it_and_tsv(self):
        records = self.reuters_records()
        reference = self.reference(records)
        columns = ["id", "date", "title", "text"]
        for name, dialect in (("news.csv", {"delimiter": ",", "lineterminator": "\r\n"}),
                              ("news.tsv", {"delimiter": "\t", "lineterminator": "\n"})):
            with self.subTest(name=name):
                buffer = io.StringIO()
                writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, **dialect)
                writer.writerow(columns)
                for record in records:
                    writer.writerow([record[c] for c in columns])
                content = buffer.getvalue()
                self.assertIn('""quoted""', content)  # quotes doubled, texts with line ends quoted
                path = self.write(name, "\ufeff" + content if name.endswith(".csv") else content)
                self.assert_same_graph(self.build_json(path, "--date-field", "date"), reference)
        broken = self.write("broken.csv", 'id,text\r\n1,"China and\r\nIran\r\n')
        self.assert_error(run("build", broken), f"{broken}:2:", "column 2", "not closed")
        ragged = self.write("ragged.csv", "id,text\n1,China,extra\n")
        self.assert_error(run("build", ragged), f"{ragged}:2:", "3 fields, the header 2")

    def compressed(self, data):
        """data compressed by each compressor at hand: gzip, xz, bzip2, and zstd when its CLI is."""
        import bz2
        import gzip
        import lzma
        import shutil
        out = {".gz": gzip.compress(data), ".xz": lzma.compress(data), ".bz2": bz2.compress(data)}
        if shutil.which("zstd"):
            out[".zst"] = subprocess.run(["zstd", "-q", "-c"], input=data, capture_output=True, check=True).stdout
        return out

    def test_every_compression_reads_as_the_file_inside(self):
        records = self.reuters_records()
        reference = self.reference(records)
        for suffix, data in self.compressed(self.jsonl_bytes(records)).items():
            with self.subTest(suffix=suffix):
                path = self.write(f"reuters.jsonl{suffix}", data)
                self.assert_same_graph(self.build_json(path), reference)
                piped = run("build", "-", "-o", "-", stdin=data)
                self.assertEqual(piped.returncode, 0, piped.stderr.decode())
                self.assert_same_graph(json.loads(piped.stdout), reference)

    def nested_archives(self, records):
        """A .tar.gz holding text articles, a JSONL member, an image, and a zip holding a .tsv
        and a .jsonl.gz; and a .zip holding that .tar.gz."""
        import gzip
        import tarfile
        import zipfile
        half = len(records) // 2
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("part/rest.jsonl.gz", gzip.compress(self.jsonl_bytes(records[half:-2])))
            table = io.StringIO()
            writer = csv.writer(table, delimiter="\t", lineterminator="\n")
            writer.writerows([["id", "text"]] + [[r["id"], r["text"]] for r in records[-2:]])
            archive.writestr("tail.tsv", table.getvalue())
        members = [("articles/first.txt", records[0]["text"].encode()),
                   ("articles/photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF"),
                   ("head.jsonl", self.jsonl_bytes(records[1:half])),
                   ("more/inner.zip", inner.getvalue())]
        tar = io.BytesIO()
        with tarfile.open(fileobj=tar, mode="w:gz") as archive:
            for name, data in members:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
        outer = io.BytesIO()
        with zipfile.ZipFile(outer, "w") as archive:
            archive.writestr("corpus.tar.gz", tar.getvalue())
        return tar.getvalue(), outer.getvalue()

    def test_archives_nested_with_json_lines_members(self):
        records = self.reuters_records()
        reference = self.reference(records)
        tar, zipped = self.nested_archives(records)
        tar_path = self.write("corpus.tar.gz", tar)
        zip_path = self.write("corpus.zip", zipped)
        for path in (tar_path, zip_path):
            with self.subTest(path=path.name):
                result = run("build", path, "-o", self.tmp / "g.json")
                self.assertEqual(result.returncode, 0, result.stderr.decode())
                graph = json.loads((self.tmp / "g.json").read_text())
                self.assertEqual(graph["graph"]["documents"], len(records))
                self.assertEqual(graph["nodes"], reference["nodes"])
                self.assertEqual(graph["links"], reference["links"])
                # The image is skipped, and said to be.
                self.assertIn("skipped 1 archive member (hidden, in no readable format", result.stderr.decode())
                self.assertIn("articles/photo.jpg", result.stderr.decode())
        mentions = run("mentions", zip_path)
        docs = [json.loads(line)["doc"] for line in mentions.stdout.decode().splitlines()]
        self.assertEqual(docs[0], f"{zip_path}:corpus.tar.gz:articles/first.txt")
        self.assertIn("r1", docs)
        self.assertIn(records[-1]["id"], docs)

    def test_same_graph_for_any_thread_count_on_an_archive(self):
        records = self.reuters_records(400)
        tar, _ = self.nested_archives(records)
        path = self.write("corpus.tar.gz", tar)
        outputs = set()
        for threads in ("1", "2", "4"):
            result = run("build", path, "--threads", threads, "--evidence", "3", "--date-field", "date",
                         "--slice", "month", "-o", "-")
            self.assertEqual(result.returncode, 0, result.stderr.decode())
            outputs.add(result.stdout)
        self.assertEqual(len(outputs), 1)

    def test_content_that_contradicts_the_name_is_an_error(self):
        fake = self.write("news.csv.gz", "id,text\n1,China\n")
        self.assert_error(run("build", fake), str(fake), "the name says gz", "not compressed")
        prose = self.write("notes.json", "China and Iran met.\n")
        self.assert_error(run("build", prose), f"{prose}:1:", "named .json but does not hold JSON")
        not_jsonl = self.write("x.jsonl", "China and Iran met.\n")
        self.assert_error(run("build", not_jsonl), f"{not_jsonl}:1:", "malformed JSON record", "not JSON at all")

    def test_a_misspelt_field_is_an_error_and_nothing_is_written(self):
        path = self.write("reuters.jsonl", self.jsonl_bytes(self.reuters_records()))
        output = self.tmp / "graph.json"
        result = run("build", path, "--date-field", "nodate", "--slice", "month", "-o", output)
        self.assert_error(result, "--date-field nodate: no record has this field",
                          "records have: date, id, places, text, title")
        self.assertFalse(output.exists())
        self.assert_error(run("build", path, "--title-field", "headline", "-o", output), "--title-field headline")
        self.assert_error(run("mentions", path, "--id-field", "doc_id", "-o", output), "--id-field doc_id")
        self.assertFalse(output.exists())
        # Missing from some records only: counted and said.
        some = self.write("some.jsonl", '{"text": "China", "day": "2026-01-02"}\n{"text": "Iran"}\n')
        result = run("build", some, "--date-field", "day", "-o", output)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertIn("--date-field day: 1 of 2 records have none (they count as undated)", result.stderr.decode())

    def test_a_truncated_gz_is_an_error_naming_it_and_nothing_is_written(self):
        import gzip
        data = gzip.compress(self.jsonl_bytes(self.reuters_records(300)))
        path = self.write("cut.jsonl.gz", data[: len(data) // 2])
        output = self.tmp / "graph.json"
        result = run("build", path, "-o", output)
        self.assert_error(result, str(path), "cannot decompress", "truncated")
        self.assertFalse(output.exists())


    NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ministers meet in Geneva | The Daily</title>
<script>window.dataLayer = [{"section": "France Germany Japan"}];</script>
<style>.menu::after { content: "Brazil"; }</style></head>
<body>
<header class="masthead"><a href="/">The Daily</a><nav><a href="/world/canada">Canada</a> <a href="/world/mexico">Mexico</a></nav></header>
<div id="cookie-banner" role="dialog">We and our partners in India use cookies. <button>Accept</button></div>
<main><article>
<h1>Ministers meet in Geneva</h1>
<p>China and Iran held talks on Monday.</p>
<p>The EU said Peru &amp; Chile would join.</p>
</article>
<aside>Most read: Australia wins</aside></main>
<footer>&copy; The Daily, registered in Ireland</footer>
</body></html>
"""

    def test_an_html_page_is_read_as_its_article_text(self):
        page = self.write("article.html", self.NEWS_PAGE)
        graph = self.build_json(page)
        self.assertEqual(sorted(n["id"] for n in graph["nodes"]), ["CHL", "CHN", "EU", "IRN", "PER"])
        result = run("mentions", page, "--with-text")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
        document = lines[0]
        self.assertEqual(document["document"], str(page))
        self.assertEqual(document["title"], "Ministers meet in Geneva | The Daily")
        self.assertEqual(document["text"], "Ministers meet in Geneva\n\nChina and Iran held talks on Monday.\n\n"
                                           "The EU said Peru & Chile would join.")
        encoded = document["text"].encode()
        for mention in lines[1:]:  # offsets point into the extracted text
            self.assertEqual(encoded[mention["start"]:mention["end"]].decode(), mention["text"])

    def warc(self):
        """A small crawl: warcinfo, a request, two HTML responses (one Latin-1), a 404, a PDF."""
        def record(kind, uri, date, block):
            return (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
                    f"WARC-Record-ID: <urn:uuid:{abs(hash((kind, uri)))}>\r\n"
                    f"Content-Type: application/http; msgtype={kind}\r\n"
                    f"Content-Length: {len(block)}\r\n\r\n").encode() + block + b"\r\n\r\n"

        def response(status, content_type, body):
            return (f"HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        latin1 = "<html><title>Caf\u00e9</title><body><p>Kenya and Ghana at the caf\u00e9.</p></body></html>"
        return [record("warcinfo", "", "2026-03-02T10:00:00Z", b"software: test\r\n"),
                record("request", "https://news.example/a", "2026-03-02T10:11:12Z", b"GET /a HTTP/1.1\r\n\r\n"),
                record("response", "https://news.example/a", "2026-03-02T10:11:12Z",
                       response(200, "text/html; charset=utf-8", self.NEWS_PAGE.encode())),
                record("response", "https://news.example/b", "2026-04-01T08:00:00Z",
                       response(200, "text/html; charset=ISO-8859-1", latin1.encode("latin-1"))),
                record("response", "https://news.example/gone", "2026-04-01T08:00:00Z",
                       response(404, "text/html", b"<p>Japan</p>")),
                record("response", "https://news.example/c.pdf", "2026-04-01T08:00:00Z",
                       response(200, "application/pdf", b"%PDF-1.4")),
                record("metadata", "https://news.example/a", "2026-03-02T10:11:12Z", b"fetchTimeMs: 3\r\n")]

    def test_a_warc_gives_a_document_per_html_response(self):
        import gzip
        records = self.warc()
        plain = self.write("crawl.warc", b"".join(records))
        gzipped = self.write("crawl.warc.gz", b"".join(gzip.compress(r) for r in records))
        for path in (plain, gzipped):
            with self.subTest(path=path.name):
                result = run("mentions", path)
                self.assertEqual(result.returncode, 0, result.stderr.decode())
                docs = [json.loads(line)["doc"] for line in result.stdout.decode().splitlines()]
                self.assertEqual(sorted(set(docs)), ["https://news.example/a", "https://news.example/b"])
                self.assertIn("WARC: 2 pages read; skipped 3 request, warcinfo, metadata and other records, "
                              "2 responses (1 not HTML, 1 with an HTTP status outside 200-299)", result.stderr.decode())
                output = self.tmp / "sliced.json"
                result = run("build", path, "--date-field", "WARC-Date", "--slice", "month", "-o", output)
                self.assertEqual(result.returncode, 0, result.stderr.decode())
                graph = json.loads(output.read_text())
                self.assertEqual(graph["graph"]["periods"], ["2026-03", "2026-04"])
                self.assertEqual(graph["graph"]["documents"], 2)
                self.assertEqual(graph["graph"]["undated"], 0)
                ties = {(l["source"], l["target"]): l["periods"] for l in graph["links"]}
                self.assertEqual(ties[("CHN", "IRN")], {"2026-03": 1})  # dated by WARC-Date
                self.assertEqual(ties[("GHA", "KEN")], {"2026-04": 1})  # the Latin-1 page, decoded
        piped = run("mentions", "-", stdin=b"".join(records))
        self.assertEqual(piped.returncode, 0, piped.stderr.decode())
        self.assertIn("https://news.example/b", piped.stdout.decode())

class ThreadsAndProgress(CliTestCase):
    """--threads never changes a byte of the output; progress goes to standard error only."""

    def sharded_corpus(self):
        """The samples' sentences, shuffled with a fixed seed into many dated documents across
        several shards in a folder, so that every thread gets batches of its own."""
        import random
        sentences = []
        for sample in sorted(SAMPLES.glob("*.txt")):
            sentences += [s.strip() + "." for s in sample.read_text().split(". ") if s.strip()]
        generator = random.Random(7)
        folder = self.tmp / "shards"
        for shard in range(4):
            lines = []
            for i in range(900):
                picked = generator.sample(sentences, 3)
                day = f"2026-{1 + (i % 12):02d}-{1 + (i % 28):02d}"
                lines.append(json.dumps({"id": f"s{shard}-{i}", "date": day, "text": " ".join(picked)}))
            self.write(f"shards/part-{shard}.jsonl", "\n".join(lines) + "\n")
        return folder

    def test_output_is_identical_for_every_thread_count(self):
        corpus = self.sharded_corpus()
        for inputs, extra in ((SAMPLES.relative_to(ROOT), []),
                              (corpus, ["--date-field", "date", "--slice", "month", "--weight", "npmi"])):
            outputs = {}
            for threads in ("1", "2", "3", "7"):
                json_path, dot_path = self.tmp / f"t{threads}.json", self.tmp / f"t{threads}.dot"
                result = run("build", inputs, "--threads", threads, "--evidence", "3", *extra,
                             "-o", json_path, "-o", dot_path)
                self.assertEqual(result.returncode, 0, result.stderr.decode())
                outputs[threads] = (json_path.read_bytes(), dot_path.read_bytes())
            with self.subTest(inputs=str(inputs)):
                self.assertGreater(len(json.loads(outputs["1"][0])["links"]), 10)
                for threads, output in outputs.items():
                    self.assertEqual(output, outputs["1"], f"--threads {threads} differs from --threads 1")

    def test_progress_on_request_goes_to_standard_error(self):
        corpus = self.sharded_corpus()
        result = run("build", corpus, "--progress", "-o", "-")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        json.loads(result.stdout)  # standard output holds the graph and nothing else
        lines = result.stderr.decode().splitlines()
        # Not a terminal: whole lines, no cursor control.
        self.assertNotIn("\x1b", result.stderr.decode())
        final = [line for line in lines if line.startswith("comention: read ")][-1]
        self.assertIn("3,600 documents", final)
        size = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        self.assertIn(f"read {size:.1f} MB of {size:.1f} MB (100%)", final)

    def test_progress_by_default_on_a_terminal(self):
        import pty
        controller, terminal = pty.openpty()
        out = self.tmp / "g.json"
        result = subprocess.run([COMENTION, "build", str(SAMPLES), "-o", str(out)], stdout=subprocess.PIPE,
                                stderr=terminal, timeout=120)
        os.close(terminal)
        seen = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal is closed once everything is read
                break
            if not chunk:
                break
            seen += chunk
        os.close(controller)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, b"")
        self.assertIn(b"\r\x1b[Kcomention: read ", seen)
        self.assertIn(b"9 documents", seen)

    def test_quiet_and_default_print_no_progress_when_not_a_terminal(self):
        out = self.tmp / "g.json"
        result = run("build", SAMPLES.relative_to(ROOT), "-o", out)
        self.assertNotIn("comention: read ", result.stderr.decode())
        self.assertTrue(result.stderr.decode().endswith(f"comention: wrote {out}\n"), result.stderr)
        result = run("build", SAMPLES.relative_to(ROOT), "--quiet", "-o", out)
        self.assertEqual((result.returncode, result.stderr), (0, b""))
        self.assert_error(run("build", SAMPLES.relative_to(ROOT), "--quiet", "--progress"), "--progress")
        self.assert_error(run("build", SAMPLES.relative_to(ROOT), "--threads", "0"), "--threads")


class SeedArticle(CliTestCase):
    """The article the project started from (../shared/seeds), when it is present."""

    def test_seed_graph_has_the_expected_ties(self):
        if not SEEDS.is_dir():
            self.skipTest(f"{SEEDS} not present")
        graph = self.build_json(SEEDS)
        edges = {frozenset((l["source"], l["target"])) for l in graph["links"]}
        for other in ("IRN", "IRQ", "ITA", "SRB", "KHM", "DEU", "USA", "G20"):
            self.assertIn(frozenset(("CHN", other)), edges, other)
        group = ["IRN", "IRQ", "ITA", "SRB", "KHM"]
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                self.assertIn(frozenset((a, b)), edges, (a, b))


def main():
    global COMENTION, SAMPLES, ROOT, SEEDS
    parser = argparse.ArgumentParser()
    parser.add_argument("--comention", required=True)
    parser.add_argument("--samples", required=True)
    args, rest = parser.parse_known_args()
    COMENTION = os.path.abspath(args.comention)
    SAMPLES = Path(args.samples).resolve()
    ROOT = SAMPLES.parent
    SEEDS = ROOT.parent / "shared" / "seeds"
    unittest.main(argv=[sys.argv[0], "-v", *rest])


if __name__ == "__main__":
    main()
