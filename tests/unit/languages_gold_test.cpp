// The multilingual gold set (tests/data/languages/gold/LANG.tsv, format in its README.md): every
// file is checked for well-formed marks and known entity ids, then the built-in gazetteer's
// mentions are scored against it per language, and F1 must reach 0.97 in each.
//
// The languages the matcher is built with are those of each file by default; the environment
// variable COMENTION_GOLD_LANGUAGES gives another list instead, the same for every file ("all",
// "es,fr", ...), so that the set also measures what names of other languages cost.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "comention/gazetteer.hpp"
#include "comention/matcher.hpp"

namespace {

namespace fs = std::filesystem;
using comention::Gazetteer;
using comention::GazetteerBuilder;
using comention::LanguageSet;

constexpr double kMinF1 = 0.97;
constexpr std::size_t kMinLanguages = 25;
constexpr std::size_t kMinSentences = 40;

constexpr std::string_view kOpen = "\u27E6";   // ⟦
constexpr std::string_view kClose = "\u27E7";  // ⟧

struct GoldSpan {
  std::size_t start = 0;  // UTF-8 byte offsets into the sentence's plain text, [start, end)
  std::size_t end = 0;
  std::string entity;
};

struct GoldSentence {
  std::size_t line = 0;  // in its file, from 1
  std::string text;      // the plain text: marks replaced by their surface
  std::vector<GoldSpan> spans;
};

struct GoldFile {
  std::string language;  // the file's stem
  fs::path path;
  std::vector<GoldSentence> sentences;
};

fs::path gold_dir() { return fs::path(COMENTION_TEST_DATA_DIR) / "languages" / "gold"; }

// One line's marks taken out: the plain text and the gold spans, or an error message.
bool parse_marked(std::string_view line, GoldSentence& sentence, std::string& error) {
  std::size_t at = 0;
  while (at < line.size()) {
    const std::size_t open = line.find(kOpen, at);
    const std::size_t stray_close = line.find(kClose, at);
    if (stray_close < open) {
      error = "a closing mark without an opening one";
      return false;
    }
    if (open == std::string_view::npos) {
      sentence.text.append(line.substr(at));
      break;
    }
    sentence.text.append(line.substr(at, open - at));
    const std::size_t inner = open + kOpen.size();
    const std::size_t close = line.find(kClose, inner);
    const std::size_t nested = line.find(kOpen, inner);
    if (close == std::string_view::npos || nested < close) {
      error = "an opening mark without its closing one";
      return false;
    }
    const std::string_view mark = line.substr(inner, close - inner);
    const std::size_t bar = mark.rfind('|');
    if (bar == std::string_view::npos || bar == 0 || bar + 1 == mark.size()) {
      error = "a mark that is not SURFACE|ID: " + std::string(mark);
      return false;
    }
    GoldSpan span;
    span.start = sentence.text.size();
    sentence.text.append(mark.substr(0, bar));
    span.end = sentence.text.size();
    span.entity = std::string(mark.substr(bar + 1));
    sentence.spans.push_back(std::move(span));
    at = close + kClose.size();
  }
  return true;
}

std::vector<GoldFile> read_gold_files() {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(gold_dir())) {
    if (entry.path().extension() == ".tsv") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<GoldFile> files;
  for (const auto& path : paths) {
    GoldFile file;
    file.language = path.stem().string();
    file.path = path;
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot open " << path.string());
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line.front() == '#') continue;
      GoldSentence sentence;
      sentence.line = number;
      std::string error;
      const bool parsed = parse_marked(line, sentence, error);
      REQUIRE_MESSAGE(parsed, path.string() << ":" << number << ": " << error);
      REQUIRE_MESSAGE(sentence.text.find('\t') == std::string::npos,
                      path.string() << ":" << number << ": a tab in a sentence");
      file.sentences.push_back(std::move(sentence));
    }
    files.push_back(std::move(file));
  }
  return files;
}

// The languages to build the matcher with for a file: its own, or the override.
std::string languages_for(const GoldFile& file) {
  const char* override_list = std::getenv("COMENTION_GOLD_LANGUAGES");
  if (override_list != nullptr && *override_list != '\0') return override_list;
  return file.language;
}

const Gazetteer& builtin_in(const std::string& list) {
  static std::map<std::string, Gazetteer, std::less<>> cache;  // a map: references stay valid
  if (const auto found = cache.find(list); found != cache.end()) return found->second;
  GazetteerBuilder builder(LanguageSet::parse(list));
  builder.add_builtin();
  return cache.emplace(list, builder.build()).first->second;
}

struct Score {
  std::size_t gold = 0;
  std::size_t predicted = 0;
  std::size_t true_positives = 0;
  double precision() const { return predicted == 0 ? (gold == 0 ? 1.0 : 0.0) : double(true_positives) / double(predicted); }
  double recall() const { return gold == 0 ? 1.0 : double(true_positives) / double(gold); }
  double f1() const {
    const double p = precision();
    const double r = recall();
    return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
  }
};

// A predicted mention is a true positive when it overlaps a gold span of the same entity that
// no earlier prediction took.
Score score_file(const GoldFile& file) {
  const Gazetteer& gazetteer = builtin_in(languages_for(file));
  const comention::Matcher matcher(gazetteer);
  comention::MatchScratch scratch;
  std::vector<comention::Mention> mentions;
  Score score;
  for (const auto& sentence : file.sentences) {
    mentions.clear();
    matcher.find_mentions(sentence.text, scratch, mentions);
    std::vector<bool> used(sentence.spans.size(), false);
    score.gold += sentence.spans.size();
    score.predicted += mentions.size();
    for (const auto& mention : mentions) {
      const std::string& id = gazetteer.entities()[mention.entity].id;
      for (std::size_t i = 0; i < sentence.spans.size(); ++i) {
        const GoldSpan& span = sentence.spans[i];
        if (used[i] || span.entity != id || mention.start >= span.end || span.start >= mention.end) continue;
        used[i] = true;
        ++score.true_positives;
        break;
      }
    }
  }
  return score;
}

const std::vector<GoldFile>& gold_files() {
  static const std::vector<GoldFile> files = read_gold_files();
  return files;
}

}  // namespace

TEST_SUITE("languages gold") {

TEST_CASE("languages gold: every file is well formed, long enough and names known entities") {
  const auto& files = gold_files();
  CHECK(files.size() >= kMinLanguages);
  std::set<std::string> known;
  for (const auto& entity : builtin_in("all").entities()) known.insert(entity.id);
  for (const auto& file : files) {
    CAPTURE(file.path.string());
    CHECK(comention::is_language_code(file.language));
    CHECK(file.sentences.size() >= kMinSentences);
    std::size_t without_mentions = 0;
    std::size_t mentions = 0;
    for (const auto& sentence : file.sentences) {
      if (sentence.spans.empty()) ++without_mentions;
      mentions += sentence.spans.size();
      for (const auto& span : sentence.spans) {
        CHECK_MESSAGE(known.count(span.entity) == 1,
                      file.path.string() << ":" << sentence.line << ": unknown entity id " << span.entity);
      }
    }
    // The set tests false matches too: some sentences have no mention, and on average they have more
    // than one.
    CHECK(without_mentions >= 1);
    CHECK(2 * mentions >= 3 * file.sentences.size());  // 1.5 a sentence on average
  }
}

TEST_CASE("languages gold: mention F1 at least 0.97 in every language") {
  const auto& files = gold_files();
  REQUIRE(!files.empty());
  // The whole table first, then the checks, so that the table reads as one block.
  std::vector<Score> scores;
  std::printf("%-8s %-10s %6s %9s %6s %6s %6s\n", "language", "matcher", "gold", "predicted", "P", "R", "F1");
  for (const auto& file : files) {
    const Score& score = scores.emplace_back(score_file(file));
    std::printf("%-8s %-10s %6zu %9zu %6.3f %6.3f %6.3f\n", file.language.c_str(), languages_for(file).c_str(),
                score.gold, score.predicted, score.precision(), score.recall(), score.f1());
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    CHECK_MESSAGE(scores[i].f1() >= kMinF1, files[i].language << ": F1 " << scores[i].f1() << " (P "
                                                              << scores[i].precision() << ", R " << scores[i].recall()
                                                              << ")");
  }
}

}  // TEST_SUITE
