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
#include <string_view>
#include <unordered_map>
#include <vector>

#include "comention/matcher.hpp"
#include "comention/segmenter.hpp"

namespace comention {

enum class Window : std::uint8_t { sentence, paragraph, document };
std::string_view to_string(Window window) noexcept;
std::optional<Window> parse_window(std::string_view text) noexcept;

struct NodeCount {
  std::uint64_t mentions = 0;
  std::uint64_t documents = 0;
  std::uint64_t windows = 0;  // windows (sentences, paragraphs or documents) that mention it
};

struct EdgeCount {
  std::uint64_t weight = 0;     // windows naming both entities
  std::uint64_t documents = 0;  // documents with at least one such window
};

// Key of the undirected edge between entity indices a and b, a != b.
std::uint64_t edge_key(std::uint32_t a, std::uint32_t b) noexcept;
std::uint32_t edge_key_low(std::uint64_t key) noexcept;   // the smaller index
std::uint32_t edge_key_high(std::uint64_t key) noexcept;  // the larger index

struct Counts {
  std::vector<NodeCount> nodes;  // indexed like Gazetteer::entities()
  std::unordered_map<std::uint64_t, EdgeCount> edges;
  std::uint64_t documents = 0;
  std::uint64_t paragraphs = 0;
  std::uint64_t sentences = 0;
  std::uint64_t mentions = 0;

  // Adds other's counts to these. Both must count disjoint sets of documents.
  void merge(const Counts& other);

  // How many windows of this kind were read: sentences, paragraphs or documents.
  std::uint64_t windows(Window window) const noexcept;
};

class MentionCounter {
 public:
  MentionCounter(std::size_t entity_count, Window window);

  // Counts one document. Does not throw except on allocation failure, and allocates only when
  // a new edge appears or a window holds more distinct entities than any before.
  void add_document(const std::vector<Mention>& mentions, const Segmentation& segmentation);

  const Counts& counts() const noexcept { return counts_; }
  Window window() const noexcept { return window_; }

 private:
  void count_window(std::uint64_t document_serial);

  Window window_;
  Counts counts_;
  std::uint64_t document_serial_ = 0;
  // Serial of the last document that touched each node or edge, so each counts a document once.
  std::vector<std::uint64_t> node_last_document_;
  std::unordered_map<std::uint64_t, std::uint64_t> edge_last_document_;
  std::vector<std::uint32_t> window_entities_;
};

}  // namespace comention
