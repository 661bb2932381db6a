// The per-document stages in order: match, segment, locate; and the whole run around them.
//
//   comention::DocumentAnalyzer analyzer(matcher);        // one per thread
//   const auto& result = analyzer.analyze(doc.text);
//   counter.add_document(result.mentions, result.segmentation);
//
//   // or all at once: read, analyse, count (per period too), build the graph
//   comention::CoMentionGraph graph = comention::count_documents(reader, matcher, gazetteer, {});
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "comention/dates.hpp"
#include "comention/graph.hpp"
#include "comention/language_id.hpp"
#include "comention/matcher.hpp"
#include "comention/reader.hpp"
#include "comention/segmenter.hpp"

namespace comention {

struct AnalyzedDocument {
  std::vector<Mention> mentions;  // sorted by start, each with its paragraph and sentence
  Segmentation segmentation;
  // The document's languages, when they were detected (detected is false otherwise: the
  // document was matched with every loaded language, or had no name outside English).
  DetectedLanguages languages;
  bool detected = false;
};

// Whether a DocumentAnalyzer asks which language each document is in (--languages auto).
enum class LanguageDetection : std::uint8_t {
  off,          // every loaded name matches in every document (--languages LIST or all)
  when_needed,  // only when a name that is not English matched: most English news never pays
  always,       // every document, for output that shows its languages
};

// Every language's names for --languages auto, the first time a document needs them. English
// news, most of what is read, never does: a text that looks English (looks_english) is settled
// by the English names. With the built-in data alone the matcher is the one compiled into
// comention (Matcher::builtin_every_language); with a user's gazetteer its 40,000 names and more
// (inflected and prefixed forms included) are built then, which takes some ten times comention's
// start-up. Thread-safe: the first caller builds, the others wait; a build that throws is
// retried by the next caller and throws again.
class AllLanguagesMatcher {
 public:
  // `build` gives the gazetteer of every language; its entities must be those of `english`, the
  // gazetteer the analyzer's results are read with (the same files, with names of more
  // languages). `english` must outlive this.
  AllLanguagesMatcher(std::function<Gazetteer()> build, const Gazetteer& english, MatchOptions options)
      : build_(std::move(build)), english_(english), options_(options) {}

  const Matcher& get() const;

 private:
  std::function<Gazetteer()> build_;
  const Gazetteer& english_;
  MatchOptions options_;
  mutable std::once_flag once_;
  mutable std::optional<Gazetteer> gazetteer_;
  mutable std::optional<Matcher> matcher_;
};

class DocumentAnalyzer {
 public:
  // With number_words, mentions also get their word position (for a tokens window). Given
  // all_languages, `matcher` holds the English names alone: a document that looks English is
  // matched with it, any other with every language's (detection then as with one matcher of
  // every language).
  explicit DocumentAnalyzer(const Matcher& matcher, bool number_words = false,
                            LanguageDetection detection = LanguageDetection::off,
                            const AllLanguagesMatcher* all_languages = nullptr)
      : matcher_(matcher), number_words_(number_words), detection_(detection), all_languages_(all_languages) {}

  // The result stays valid until the next call; buffers are reused between documents.
  const AnalyzedDocument& analyze(std::string_view text);

 private:
  const Matcher& matcher_;
  bool number_words_ = false;
  LanguageDetection detection_ = LanguageDetection::off;
  const AllLanguagesMatcher* all_languages_ = nullptr;
  MatchScratch scratch_;
  AnalyzedDocument result_;
};

// How far reading has got: documents read (in a --since/--until range or not), and bytes of
// input read (JSON Lines records whole, line ends included), so far.
struct ReadProgress {
  std::uint64_t documents = 0;
  std::uint64_t bytes = 0;
};

// The number of threads "all cores" means here: std::thread::hardware_concurrency, at least 1.
std::size_t default_thread_count() noexcept;

struct CountOptions {
  GraphOptions graph;          // window (and token distance), weight measure, filters
  std::size_t evidence = 0;    // windows kept per edge
  std::optional<Slice> slice;  // also count per day, week, month or year
  std::optional<Date> since;   // only documents dated in [since, until]; undated ones then left out
  std::optional<Date> until;
  // Threads that analyse and count (0: default_thread_count()). The result is the same for any
  // number: documents are counted in batches whose counts are merged in input order.
  std::size_t threads = 0;
  // Match each document with English and the languages detected in it (LanguageSet::detects()).
  LanguageDetection detection = LanguageDetection::off;
  // With detection: every language's names, built when first needed; the matcher given to
  // count_documents then holds the English names alone (see AllLanguagesMatcher).
  const AllLanguagesMatcher* all_languages = nullptr;
  // Text per batch: the unit of work of one thread, and of progress reports.
  std::size_t batch_bytes = std::size_t{1} << 20;
  // Called after each batch of documents is read, by the thread that read it (one of the
  // counting threads), never by two at once.
  std::function<void(const ReadProgress&)> on_progress;
};

// Reads every document, counts co-mentions (per period as well, when asked) and builds the graph
// with GraphInfo's undated and outside_range telling what the dates left out. Throws InputError
// from the reader, and UsageError when no record has a field the options name (after reading:
// check_named_fields in reader.hpp); measures are added separately (measure_graph in metrics.hpp). Memory stays
// bounded whatever the input's size: at most 2 threads + 1 batches of about a megabyte are
// read and not yet merged at a time, besides the counts themselves. The calling thread is one of
// the counting threads.
CoMentionGraph count_documents(DocumentReader& reader, const Matcher& matcher, const Gazetteer& gazetteer,
                               const CountOptions& options);

}  // namespace comention
