// Counts mentions and co-mentions, one document at a time.
//
//   comention::MentionCounter counter(gazetteer.entities().size(), comention::Window::sentence);
//   counter.add_document(mentions, segmentation);   // mentions located by locate_mentions
//   const comention::Counts& counts = counter.counts();
//
// An edge's weight is the number of windows (sentences, paragraphs or documents) that mention
// both entities: China named three times in one sentence with Iran adds 1, not 3.
// Counts are plain data and merge by addition, so separate counters (one per thread, one per
// input) can be combined in any order with the same result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "comention/dates.hpp"
#include "comention/matcher.hpp"
#include "comention/segmenter.hpp"

namespace comention {

// The span in which two mentions count as a co-mention. `tokens` goes with a distance N: two
// mentions at most N words apart in one document (see MentionCounter).
enum class Window : std::uint8_t { sentence, paragraph, document, tokens };
std::string_view to_string(Window window) noexcept;
std::optional<Window> parse_window(std::string_view text) noexcept;
// "sentence", "paragraph", "document" or "tokens:5".
std::string window_label(Window window, std::uint32_t token_distance);
// "1 document", "3 documents": a count with its noun, for messages and tooltips.
std::string count_of(std::uint64_t count, std::string_view noun);
// How an edge's count reads: "in 3 sentences", or "3 times within 5 words".
std::string describe_count(Window window, std::uint32_t token_distance, std::uint64_t count);

struct NodeCount {
  std::uint64_t mentions = 0;
  std::uint64_t documents = 0;
  std::uint64_t windows = 0;  // windows (sentences, paragraphs or documents) that mention it
};

struct EdgeCount {
  std::uint64_t weight = 0;     // windows naming both entities
  std::uint64_t documents = 0;  // documents with at least one such window
};

// A window that names both ends of an edge: why they are connected.
struct Evidence {
  std::string document;   // the document's id
  std::size_t start = 0;  // the window's byte span in the document's text
  std::size_t end = 0;
  std::string text;       // the window's text, cut to at most kEvidenceTextBytes (with "…")
  std::optional<Date> date;          // the document's, when it has one
  std::string title;                 // the document's headline, when it has one
  std::uint64_t document_index = 0;  // the document's place in the input, from 0
  // The first mention of each end in the window (byte spans in the document's text, like start
  // and end): source_name of the entity with the lower index, which is the edge's source in
  // the graph, target_name of the other. For marking the two names where the window is shown.
  Span source_name;
  Span target_name;
};
inline constexpr std::size_t kEvidenceTextBytes = 400;

// Where a document came from, for evidence. Counting needs none of it.
struct DocumentSource {
  std::string_view id;
  std::string_view text;
  std::optional<Date> date = {};
  std::string_view title = {};
  // The document's place in the whole input (count_documents numbers them as read, so that
  // batches counted apart agree); without it, the counter's own count of documents, which
  // serves only when one counter sees the whole input.
  std::optional<std::uint64_t> index = {};
};

// The candidates an edge keeps for its evidence, and the rule that picks K of them. The pick is
// meant to show the tie, not the first K windows: the earliest and the latest document (by
// date, then input order; input order alone when undated), then documents sampled by a hash of
// their id (one window each, so different documents), then the first windows in input order for
// an edge seen in few documents. Every rule is a minimum or maximum over a key that does not
// depend on how the input was split, so pools merge to the same pick for any thread count or
// batching. Its size is fixed (at most 3K + 2 windows), and candidates are replaced in place.
struct EvidencePool {
  std::size_t keep = 0;                   // K
  std::vector<Evidence> first;            // the first K windows in input order
  std::optional<Evidence> earliest;       // first window of the earliest document
  std::optional<Evidence> latest;         // first window of the latest document
  std::vector<std::pair<std::uint64_t, Evidence>> sampled;  // K least (hash, index) documents

  // Offers the first window of the edge in a document; `offer_window` every window.
  void offer_document(const Evidence& window, std::uint64_t hash);
  void offer_window(const Evidence& window);
  // Adds another pool's candidates (documents disjoint from these).
  void merge(const EvidencePool& other);
  // At most K distinct windows, in input order.
  std::vector<Evidence> pick() const;
};

// Key of the undirected edge between entity indices a and b, a != b.
std::uint64_t edge_key(std::uint32_t a, std::uint32_t b) noexcept;
std::uint32_t edge_key_low(std::uint64_t key) noexcept;   // the smaller index
std::uint32_t edge_key_high(std::uint64_t key) noexcept;  // the larger index

struct Counts {
  std::vector<NodeCount> nodes;  // indexed like Gazetteer::entities()
  std::unordered_map<std::uint64_t, EdgeCount> edges;
  // Evidence candidates of each edge, when the counter was asked to keep some (pick() them).
  std::unordered_map<std::uint64_t, EvidencePool> evidence;
  std::uint64_t documents = 0;
  std::uint64_t paragraphs = 0;
  std::uint64_t sentences = 0;
  std::uint64_t words = 0;  // counted only for a tokens window
  std::uint64_t mentions = 0;

  // Adds other's counts to these. Both must count disjoint sets of documents; other's
  // documents come after these in input order. Evidence is kept up to `keep_evidence` a pool.
  void merge(const Counts& other, std::size_t keep_evidence = 0);

  // How many windows of this kind were read: sentences, paragraphs or documents; for a tokens
  // window, every word position starts one, so the words.
  std::uint64_t windows(Window window) const noexcept;
};

class MentionCounter {
 public:
  // With keep_evidence > 0, each edge keeps an EvidencePool that picks keep_evidence windows.
  // With Window::tokens, token_distance is N: an edge counts each pair of mentions, one of each
  // entity, at most N words apart (mentions need Mention::word: see number_words), and a node's
  // windows are its mentions.
  MentionCounter(std::size_t entity_count, Window window, std::size_t keep_evidence = 0,
                 std::uint32_t token_distance = 0);

  // Counts one document. Does not throw except on allocation failure, and allocates only when
  // a new edge appears, a window holds more distinct entities than any before, or evidence is
  // kept: a candidate is copied at most once per edge and document (into a slot of fixed number
  // whose strings keep their capacity) besides the first keep_evidence windows. `source` is
  // needed only for evidence.
  void add_document(const std::vector<Mention>& mentions, const Segmentation& segmentation,
                    const DocumentSource& source = {});

  const Counts& counts() const noexcept { return counts_; }
  Window window() const noexcept { return window_; }

 private:
  // [first, last) are the window's mentions, in text order: where evidence finds the names.
  void count_window(std::uint64_t document_serial, Span window_span, const Mention* first, const Mention* last,
                    const DocumentSource& source);
  void count_pair(std::uint32_t a, std::uint32_t b, std::uint64_t document_serial, Span window_span,
                  const Mention* window_first, const Mention* window_last, const DocumentSource& source);
  void count_token_pairs(const std::vector<Mention>& mentions, std::uint64_t document_serial,
                         const DocumentSource& source);
  Span window_span(const Segmentation& segmentation, const Mention& mention,
                   const DocumentSource& source) const noexcept;

  Window window_;
  std::size_t keep_evidence_ = 0;
  std::uint32_t token_distance_ = 0;
  Counts counts_;
  std::uint64_t document_serial_ = 0;
  // Serial of the last document that touched each node or edge, so each counts a document once.
  std::vector<std::uint64_t> node_last_document_;
  std::unordered_map<std::uint64_t, std::uint64_t> edge_last_document_;
  std::vector<std::uint32_t> window_entities_;
  Evidence candidate_;  // the window being offered, its strings reused from one to the next
};

}  // namespace comention
