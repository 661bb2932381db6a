// Unit tests for cooccurrence.hpp: MentionCounter on hand-built mentions and segmentations.
#include "comention/cooccurrence.hpp"
#include "comention/text.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using comention::Counts;
using comention::MentionCounter;
using comention::Mention;
using comention::Segmentation;
using comention::Window;

// Entity indices, as if into a gazetteer sorted by id.
constexpr std::uint32_t CHN = 0;
constexpr std::uint32_t IRN = 1;
constexpr std::uint32_t RUS = 2;
constexpr std::uint32_t USA = 3;
constexpr std::size_t kEntities = 4;

struct SentenceSpec {
  std::uint32_t paragraph;
  std::vector<std::uint32_t> entities;  // mentioned in this order
};

struct Document {
  Segmentation segmentation;
  std::vector<Mention> mentions;
};

// A document of consecutive sentences, 100 bytes each; paragraphs numbered from 0 in order.
Document make_document(std::initializer_list<SentenceSpec> sentences) {
  Document doc;
  std::size_t offset = 0;
  std::uint32_t sentence_index = 0;
  for (const SentenceSpec& sentence : sentences) {
    if (sentence.paragraph == doc.segmentation.paragraphs.size()) {
      doc.segmentation.paragraphs.push_back({offset, offset + 100});
    }
    REQUIRE(sentence.paragraph + 1 == doc.segmentation.paragraphs.size());
    doc.segmentation.paragraphs.back().end = offset + 100;
    doc.segmentation.sentences.push_back({offset, offset + 100});
    doc.segmentation.sentence_paragraph.push_back(sentence.paragraph);
    std::size_t start = offset;
    for (const std::uint32_t entity : sentence.entities) {
      doc.mentions.push_back(Mention{entity, start, start + 5, sentence.paragraph, sentence_index});
      start += 10;
    }
    offset += 100;
    ++sentence_index;
  }
  return doc;
}

// The document drawn in the first test.
Document document_a() {
  return make_document({
      {0, {CHN, CHN, CHN, IRN}},  // s0
      {0, {CHN, IRN}},            // s1
      {0, {CHN}},                 // s2
      {1, {IRN, USA}},            // s3
      {2, {CHN, IRN, RUS}},       // s4
  });
}

Document document_b() {
  return make_document({
      {0, {IRN, CHN}},
      {0, {USA}},
  });
}

Document document_c() {
  return make_document({
      {0, {RUS, USA, RUS}},
      {1, {CHN}},
  });
}

Counts count(Window window, std::initializer_list<Document> documents) {
  MentionCounter counter(kEntities, window);
  for (const Document& doc : documents) counter.add_document(doc.mentions, doc.segmentation);
  return counter.counts();
}

// The edge between a and b, or a zero count when there is none.
comention::EdgeCount edge(const Counts& counts, std::uint32_t a, std::uint32_t b) {
  const auto it = counts.edges.find(comention::edge_key(a, b));
  return it == counts.edges.end() ? comention::EdgeCount{} : it->second;
}

std::uint64_t weight(const Counts& counts, std::uint32_t a, std::uint32_t b) {
  return edge(counts, a, b).weight;
}

void check_equal(const Counts& actual, const Counts& expected) {
  CHECK(actual.documents == expected.documents);
  CHECK(actual.paragraphs == expected.paragraphs);
  CHECK(actual.sentences == expected.sentences);
  CHECK(actual.mentions == expected.mentions);
  REQUIRE(actual.nodes.size() == expected.nodes.size());
  for (std::size_t i = 0; i < expected.nodes.size(); ++i) {
    CAPTURE(i);
    CHECK(actual.nodes[i].mentions == expected.nodes[i].mentions);
    CHECK(actual.nodes[i].documents == expected.nodes[i].documents);
  }
  REQUIRE(actual.edges.size() == expected.edges.size());
  for (const auto& [key, count] : expected.edges) {
    CAPTURE(key);
    const auto it = actual.edges.find(key);
    REQUIRE(it != actual.edges.end());
    CHECK(it->second.weight == count.weight);
    CHECK(it->second.documents == count.documents);
  }
}

}  // namespace

TEST_SUITE("cooccurrence") {

TEST_CASE("sentence window: an edge's weight is the number of sentences naming both") {
  // Document A, sentence window:
  //
  //   s0: CHN CHN CHN IRN   s1: CHN IRN   s2: CHN     (paragraph 0)
  //   s3: IRN USA                                     (paragraph 1)
  //   s4: CHN IRN RUS                                 (paragraph 2)
  //
  //              3             1
  //       CHN -------- IRN -------- USA
  //          \         /
  //         1 \       / 1
  //            \     /
  //              RUS
  const Counts counts = count(Window::sentence, {document_a()});
  CHECK(counts.edges.size() == 4);
  CHECK(weight(counts, CHN, IRN) == 3);
  CHECK(weight(counts, IRN, USA) == 1);
  CHECK(weight(counts, CHN, RUS) == 1);
  CHECK(weight(counts, IRN, RUS) == 1);
  CHECK(weight(counts, CHN, USA) == 0);
  CHECK(weight(counts, RUS, USA) == 0);
}

TEST_CASE("an entity named three times in one sentence with another adds 1, not 3") {
  const Counts counts = count(Window::sentence, {make_document({{0, {CHN, CHN, IRN, CHN}}})});
  CHECK(weight(counts, CHN, IRN) == 1);
  CHECK(counts.nodes[CHN].mentions == 3);
  CHECK(counts.nodes[IRN].mentions == 1);
}

TEST_CASE("an entity never pairs with itself") {
  const Counts alone = count(Window::sentence, {make_document({{0, {CHN, CHN, CHN}}, {0, {IRN}}})});
  CHECK(alone.edges.empty());
  CHECK(alone.nodes[CHN].mentions == 3);

  for (const Window window : {Window::sentence, Window::paragraph, Window::document}) {
    const Counts counts = count(window, {document_a(), document_b(), document_c()});
    for (const auto& [key, edge_count] : counts.edges) {
      CHECK(comention::edge_key_low(key) != comention::edge_key_high(key));
      CHECK(edge_count.weight > 0);
    }
  }
}

TEST_CASE("node counts hold mentions and the documents that name the entity") {
  const Counts counts = count(Window::sentence, {document_a(), document_b()});
  CHECK(counts.nodes.size() == kEntities);
  CHECK(counts.nodes[CHN].mentions == 7);
  CHECK(counts.nodes[CHN].documents == 2);
  CHECK(counts.nodes[IRN].mentions == 5);
  CHECK(counts.nodes[IRN].documents == 2);
  CHECK(counts.nodes[RUS].mentions == 1);
  CHECK(counts.nodes[RUS].documents == 1);
  CHECK(counts.nodes[USA].mentions == 2);
  CHECK(counts.nodes[USA].documents == 2);
}

TEST_CASE("edge documents count each document once however many windows it has") {
  const Counts one = count(Window::sentence, {document_a()});
  CHECK(edge(one, CHN, IRN).weight == 3);
  CHECK(edge(one, CHN, IRN).documents == 1);

  const Counts two = count(Window::sentence, {document_a(), document_b()});
  CHECK(edge(two, CHN, IRN).weight == 4);
  CHECK(edge(two, CHN, IRN).documents == 2);
  CHECK(edge(two, IRN, USA).weight == 1);
  CHECK(edge(two, IRN, USA).documents == 1);
}

TEST_CASE("sentence, paragraph and document windows give different weights on one document") {
  const Counts sentence = count(Window::sentence, {document_a()});
  const Counts paragraph = count(Window::paragraph, {document_a()});
  const Counts document = count(Window::document, {document_a()});

  // CHN and IRN share sentences s0, s1, s4; paragraphs 0 and 2; one document.
  CHECK(weight(sentence, CHN, IRN) == 3);
  CHECK(weight(paragraph, CHN, IRN) == 2);
  CHECK(weight(document, CHN, IRN) == 1);

  // CHN and USA never share a sentence or a paragraph, only the document.
  CHECK(weight(sentence, CHN, USA) == 0);
  CHECK(weight(paragraph, CHN, USA) == 0);
  CHECK(weight(document, CHN, USA) == 1);

  CHECK(sentence.edges.size() == 4);
  CHECK(paragraph.edges.size() == 4);
  CHECK(document.edges.size() == 6);  // every pair of the four entities
  for (const auto& [key, edge_count] : document.edges) CHECK(edge_count.weight == 1);

  // Node counts do not depend on the window.
  for (std::uint32_t i = 0; i < kEntities; ++i) {
    CHECK(sentence.nodes[i].mentions == document.nodes[i].mentions);
    CHECK(paragraph.nodes[i].mentions == document.nodes[i].mentions);
  }
}

TEST_CASE("a paragraph window joins sentences of one paragraph only") {
  const Document doc = make_document({{0, {CHN}}, {0, {IRN}}, {1, {USA}}});
  CHECK(count(Window::sentence, {doc}).edges.empty());
  const Counts paragraph = count(Window::paragraph, {doc});
  CHECK(paragraph.edges.size() == 1);
  CHECK(weight(paragraph, CHN, IRN) == 1);
  CHECK(count(Window::document, {doc}).edges.size() == 3);
}

TEST_CASE("counts hold the totals of documents, paragraphs, sentences and mentions") {
  const Counts counts = count(Window::sentence, {document_a(), document_b()});
  CHECK(counts.documents == 2);
  CHECK(counts.paragraphs == 4);
  CHECK(counts.sentences == 7);
  CHECK(counts.mentions == 15);
}

TEST_CASE("a document without mentions counts as a document and adds nothing else") {
  MentionCounter counter(kEntities, Window::sentence);
  const Document empty = make_document({{0, {}}, {1, {}}});
  counter.add_document(empty.mentions, empty.segmentation);
  CHECK(counter.counts().documents == 1);
  CHECK(counter.counts().paragraphs == 2);
  CHECK(counter.counts().sentences == 2);
  CHECK(counter.counts().mentions == 0);
  CHECK(counter.counts().edges.empty());
  for (const auto& node : counter.counts().nodes) {
    CHECK(node.mentions == 0);
    CHECK(node.documents == 0);
  }
  CHECK(counter.window() == Window::sentence);
}

TEST_CASE("Counts::merge equals counting everything in one counter") {
  for (const Window window : {Window::sentence, Window::paragraph, Window::document}) {
    CAPTURE(comention::to_string(window));
    const Counts all = count(window, {document_a(), document_b(), document_c()});

    Counts merged = count(window, {document_a()});
    merged.merge(count(window, {document_b(), document_c()}));
    check_equal(merged, all);

    Counts reversed = count(window, {document_c()});
    reversed.merge(count(window, {document_b()}));
    reversed.merge(count(window, {document_a()}));
    check_equal(reversed, all);
  }
}

TEST_CASE("merging into empty Counts copies the other counts") {
  const Counts source = count(Window::sentence, {document_a()});
  Counts target;
  target.merge(source);
  check_equal(target, source);
}

TEST_CASE("edge_key is the same for both orders and splits into low and high") {
  CHECK(comention::edge_key(3, 7) == comention::edge_key(7, 3));
  const std::uint64_t key = comention::edge_key(9, 2);
  CHECK(comention::edge_key_low(key) == 2);
  CHECK(comention::edge_key_high(key) == 9);
  CHECK(comention::edge_key(0, 1) != comention::edge_key(1, 2));
  CHECK(comention::edge_key(0, 4294967295U) < comention::edge_key(1, 2));
}

TEST_CASE("parse_window reads the three window names and to_string writes them") {
  CHECK(comention::parse_window("sentence") == Window::sentence);
  CHECK(comention::parse_window("paragraph") == Window::paragraph);
  CHECK(comention::parse_window("document") == Window::document);
  for (const Window window : {Window::sentence, Window::paragraph, Window::document}) {
    CHECK(comention::parse_window(comention::to_string(window)) == window);
  }
  CHECK(comention::to_string(Window::paragraph) == "paragraph");
  CHECK_FALSE(comention::parse_window("").has_value());
  CHECK_FALSE(comention::parse_window("sentences").has_value());
  CHECK_FALSE(comention::parse_window("line").has_value());
}

}  // TEST_SUITE

TEST_SUITE("cooccurrence: evidence") {

// Real text, so that evidence can quote it: three sentences, two of which name China and Iran.
struct Analyzed {
  std::string text;
  comention::Segmentation segmentation;
  std::vector<comention::Mention> mentions;
};

Analyzed analyzed(std::string text) {
  Analyzed result{std::move(text), {}, {}};
  comention::segment_text(result.text, result.segmentation);
  // Mentions by hand: every "China" is CHN, every "Iran" IRN.
  for (const auto& [name, entity] : {std::pair<std::string, std::uint32_t>{"China", CHN}, {"Iran", IRN}}) {
    for (std::size_t at = result.text.find(name); at != std::string::npos; at = result.text.find(name, at + 1)) {
      result.mentions.push_back({entity, at, at + name.size(), 0, 0});
    }
  }
  std::sort(result.mentions.begin(), result.mentions.end(),
            [](const auto& a, const auto& b) { return a.start < b.start; });
  comention::locate_mentions(result.segmentation, result.mentions);
  return result;
}

// Two documents, K = 2: the earliest and the latest document come first, one window each.
TEST_CASE("evidence shows the first and the last document, with document, span and text") {
  const Analyzed first = analyzed("China met Iran. Nothing else. Iran and China again.");
  const Analyzed second = analyzed("China, Iran: a third time.");
  MentionCounter counter(kEntities, Window::sentence, 2);
  counter.add_document(first.mentions, first.segmentation, {"doc-1", first.text});
  counter.add_document(second.mentions, second.segmentation, {"doc-2", second.text});
  const auto evidence = counter.counts().evidence.at(comention::edge_key(CHN, IRN)).pick();
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].document == "doc-1");
  CHECK(evidence[0].text == "China met Iran.");
  CHECK(first.text.substr(evidence[0].start, evidence[0].end - evidence[0].start) == evidence[0].text);
  CHECK(evidence[1].document == "doc-2");
  CHECK(evidence[1].text == "China, Iran: a third time.");
  CHECK(counter.counts().edges.at(comention::edge_key(CHN, IRN)).weight == 3);
}

TEST_CASE("without evidence asked for, none is kept") {
  const Analyzed doc = analyzed("China met Iran.");
  MentionCounter counter(kEntities, Window::sentence);
  counter.add_document(doc.mentions, doc.segmentation, {"doc", doc.text});
  CHECK(counter.counts().evidence.empty());
}

TEST_CASE("long windows are cut at a character boundary") {
  std::string text = "China met Iran";
  for (int i = 0; i < 200; ++i) text += " \xC3\xA9t\xC3\xA9";  // "été": two-byte letters
  text += ".";
  const Analyzed doc = analyzed(text);
  MentionCounter counter(kEntities, Window::sentence, 1);
  counter.add_document(doc.mentions, doc.segmentation, {"doc", doc.text});
  const auto kept = counter.counts().evidence.at(comention::edge_key(CHN, IRN)).pick().at(0);
  CHECK(kept.text.size() <= comention::kEvidenceTextBytes);
  CHECK(kept.text.ends_with("\xE2\x80\xA6"));
  CHECK_FALSE(comention::find_invalid_utf8(kept.text).has_value());
  CHECK(kept.end - kept.start == text.size());
}

TEST_CASE("merging keeps the earlier counter's evidence first") {
  const Analyzed first = analyzed("China met Iran.");
  const Analyzed second = analyzed("Iran met China.");
  MentionCounter a(kEntities, Window::sentence, 2);
  MentionCounter b(kEntities, Window::sentence, 2);
  // Counters of parts of one input need each document's place in it.
  a.add_document(first.mentions, first.segmentation, {"a", first.text, std::nullopt, "", 0});
  b.add_document(second.mentions, second.segmentation, {"b", second.text, std::nullopt, "", 1});
  Counts merged = a.counts();
  merged.merge(b.counts(), 2);
  const auto evidence = merged.evidence.at(comention::edge_key(CHN, IRN)).pick();
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].document == "a");
  CHECK(evidence[1].document == "b");
}

TEST_CASE("evidence gives the first mention of each end in its window, source first") {
  const Analyzed doc = analyzed("Nothing. Iran, then Peru, then China and Iran again.");
  MentionCounter counter(kEntities, Window::sentence, 1);
  counter.add_document(doc.mentions, doc.segmentation, {"doc", doc.text});
  const auto item = counter.counts().evidence.at(comention::edge_key(CHN, IRN)).pick().at(0);
  // CHN sorts before IRN: the source's name is China's, though Iran comes first in the text.
  CHECK(doc.text.substr(item.source_name.start, item.source_name.end - item.source_name.start) == "China");
  CHECK(item.target_name.start == 9);
  CHECK(doc.text.substr(item.target_name.start, item.target_name.end - item.target_name.start) == "Iran");
  Analyzed words = analyzed("Iran met China and Iran.");
  comention::number_words(words.text, words.segmentation, words.mentions);
  MentionCounter near(kEntities, Window::tokens, 1, 2);
  near.add_document(words.mentions, words.segmentation, {"doc", words.text});
  const auto pair = near.counts().evidence.at(comention::edge_key(CHN, IRN)).pick().at(0);
  CHECK(pair.source_name.start == 9);  // China
  CHECK(pair.target_name.start == 0);  // the Iran within 2 words of it
}

TEST_CASE("one document: its first K windows") {
  const Analyzed doc = analyzed("China met Iran. Nothing else. Iran and China again. China, Iran: a third time.");
  MentionCounter counter(kEntities, Window::sentence, 2);
  counter.add_document(doc.mentions, doc.segmentation, {"doc", doc.text});
  const auto evidence = counter.counts().evidence.at(comention::edge_key(CHN, IRN)).pick();
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].text == "China met Iran.");
  CHECK(evidence[1].text == "Iran and China again.");
}

// Twenty documents naming China and Iran, dated backwards: document 0 is the latest (day 20),
// document 19 the earliest (day 1); documents 5 and 6 are undated.
std::vector<comention::Evidence> pick_from(std::size_t keep, const std::vector<std::size_t>& splits) {
  const Analyzed doc = analyzed("China met Iran.");
  std::vector<MentionCounter> counters;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < 20; ++i) ids.push_back("story-" + std::to_string(i));
  std::size_t next_split = 0;
  counters.emplace_back(kEntities, Window::sentence, keep);
  for (std::size_t i = 0; i < 20; ++i) {
    if (next_split < splits.size() && splits[next_split] == i) {
      counters.emplace_back(kEntities, Window::sentence, keep);
      ++next_split;
    }
    std::optional<comention::Date> date;
    if (i != 5 && i != 6) date = comention::Date{2026, 1, static_cast<int>(20 - i)};
    counters.back().add_document(doc.mentions, doc.segmentation, {ids[i], doc.text, date, "", i});
  }
  Counts merged = counters.front().counts();
  for (std::size_t c = 1; c < counters.size(); ++c) merged.merge(counters[c].counts(), keep);
  return merged.evidence.at(comention::edge_key(CHN, IRN)).pick();
}

TEST_CASE("evidence is the earliest and the latest dated documents, then different documents") {
  const auto evidence = pick_from(4, {});
  REQUIRE(evidence.size() == 4);
  std::set<std::string> documents;
  for (const auto& item : evidence) documents.insert(item.document);
  CHECK(documents.size() == 4);  // four different documents
  CHECK(documents.count("story-0") == 1);   // the latest date
  CHECK(documents.count("story-19") == 1);  // the earliest date, though read last
  // In input order, each with its document's date and place.
  CHECK(evidence.front().document == "story-0");
  CHECK(evidence.front().date == comention::Date{2026, 1, 20});
  CHECK(evidence.back().document == "story-19");
  CHECK(evidence.back().document_index == 19);
  for (std::size_t i = 1; i < evidence.size(); ++i) CHECK(evidence[i - 1].document_index < evidence[i].document_index);
  // Not simply the first K: the middle two are sampled from the rest of the input.
  CHECK_FALSE((documents.count("story-1") == 1 && documents.count("story-2") == 1));
}

TEST_CASE("evidence does not depend on how the documents were split between counters") {
  for (const std::size_t keep : {std::size_t{1}, std::size_t{3}, std::size_t{5}}) {
    CAPTURE(keep);
    const auto reference = pick_from(keep, {});
    REQUIRE(reference.size() == keep);
    const std::vector<std::vector<std::size_t>> splits{{1}, {7}, {19}, {3, 4, 5}, {2, 9, 14, 18}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}};
    for (const auto& split : splits) {
      const auto evidence = pick_from(keep, split);
      REQUIRE(evidence.size() == reference.size());
      for (std::size_t i = 0; i < evidence.size(); ++i) {
        CHECK(evidence[i].document == reference[i].document);
        CHECK(evidence[i].start == reference[i].start);
      }
    }
  }
}

TEST_CASE("undated evidence shows the first and the last document read") {
  const Analyzed doc = analyzed("China met Iran.");
  MentionCounter counter(kEntities, Window::sentence, 2);
  for (const char* id : {"a", "b", "c", "d", "e"}) counter.add_document(doc.mentions, doc.segmentation, {id, doc.text});
  const auto evidence = counter.counts().evidence.at(comention::edge_key(CHN, IRN)).pick();
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].document == "a");
  CHECK(evidence[1].document == "e");
  CHECK_FALSE(evidence[0].date.has_value());
}

// The tokens window.

TEST_CASE("number_words gives each mention the position of its word") {
  const Analyzed doc = analyzed("China met Iran. Then, China\xE2\x80\x99s envoy left.");
  Analyzed copy = doc;
  comention::number_words(copy.text, copy.segmentation, copy.mentions);
  CHECK(copy.segmentation.words == 8);  // China met Iran Then China s envoy left
  REQUIRE(copy.mentions.size() == 3);
  CHECK(copy.mentions[0].word == 0);
  CHECK(copy.mentions[1].word == 2);
  CHECK(copy.mentions[2].word == 4);
}

//   China(0) met(1) Iran(2) and(3) then(4) far(5) later(6) Iran(7) China(8)
TEST_CASE("tokens:N counts each pair of mentions at most N words apart, across sentences") {
  Analyzed doc = analyzed("China met Iran and then. Far later Iran China.");
  comention::number_words(doc.text, doc.segmentation, doc.mentions);
  MentionCounter near(kEntities, Window::tokens, 1, 2);
  near.add_document(doc.mentions, doc.segmentation, {"doc", doc.text});
  // Pairs within 2 words: China(0)-Iran(2), Iran(7)-China(8).
  CHECK(near.counts().edges.at(comention::edge_key(CHN, IRN)).weight == 2);
  CHECK(near.counts().nodes[CHN].windows == 2);  // each mention is a window
  CHECK(near.counts().words == 9);
  CHECK(near.counts().evidence.at(comention::edge_key(CHN, IRN)).pick().at(0).text == "China met Iran");
  MentionCounter far(kEntities, Window::tokens, 0, 8);
  far.add_document(doc.mentions, doc.segmentation, {"doc", doc.text});
  // Within 8 words: (0,2) (0,7) (2,8) (7,8); China(0)-China(8) and Iran-Iran are no edge.
  CHECK(far.counts().edges.at(comention::edge_key(CHN, IRN)).weight == 4);
}

TEST_CASE("window labels and descriptions") {
  CHECK(comention::window_label(Window::tokens, 5) == "tokens:5");
  CHECK(comention::window_label(Window::paragraph, 0) == "paragraph");
  CHECK(comention::describe_count(Window::sentence, 0, 3) == "in 3 sentences");
  CHECK(comention::describe_count(Window::tokens, 5, 1) == "1 time within 5 words");
}

}
