#include "comention/cooccurrence.hpp"

#include <algorithm>

namespace comention {

std::string_view to_string(Window window) noexcept {
  switch (window) {
    case Window::sentence: return "sentence";
    case Window::paragraph: return "paragraph";
    case Window::document: return "document";
  }
  return "sentence";
}

std::optional<Window> parse_window(std::string_view text) noexcept {
  if (text == "sentence") return Window::sentence;
  if (text == "paragraph") return Window::paragraph;
  if (text == "document") return Window::document;
  return std::nullopt;
}

std::uint64_t edge_key(std::uint32_t a, std::uint32_t b) noexcept {
  if (a > b) std::swap(a, b);
  return (std::uint64_t{a} << 32) | b;
}

std::uint32_t edge_key_low(std::uint64_t key) noexcept { return static_cast<std::uint32_t>(key >> 32); }
std::uint32_t edge_key_high(std::uint64_t key) noexcept { return static_cast<std::uint32_t>(key); }

void Counts::merge(const Counts& other) {
  if (nodes.size() < other.nodes.size()) nodes.resize(other.nodes.size());
  for (std::size_t i = 0; i < other.nodes.size(); ++i) {
    nodes[i].mentions += other.nodes[i].mentions;
    nodes[i].documents += other.nodes[i].documents;
    nodes[i].windows += other.nodes[i].windows;
  }
  for (const auto& [key, edge] : other.edges) {
    EdgeCount& mine = edges[key];
    mine.weight += edge.weight;
    mine.documents += edge.documents;
  }
  documents += other.documents;
  paragraphs += other.paragraphs;
  sentences += other.sentences;
  mentions += other.mentions;
}

std::uint64_t Counts::windows(Window window) const noexcept {
  switch (window) {
    case Window::sentence: return sentences;
    case Window::paragraph: return paragraphs;
    case Window::document: return documents;
  }
  return sentences;
}

MentionCounter::MentionCounter(std::size_t entity_count, Window window)
    : window_(window), node_last_document_(entity_count, 0) {
  counts_.nodes.resize(entity_count);
}

void MentionCounter::add_document(const std::vector<Mention>& mentions,
                                  const Segmentation& segmentation) {
  const std::uint64_t serial = ++document_serial_;  // serials start at 1; 0 means "never"
  counts_.documents += 1;
  counts_.paragraphs += segmentation.paragraphs.size();
  counts_.sentences += segmentation.sentences.size();
  counts_.mentions += mentions.size();

  auto window_of = [this](const Mention& m) -> std::uint32_t {
    switch (window_) {
      case Window::sentence: return m.sentence;
      case Window::paragraph: return m.paragraph;
      case Window::document: return 0;
    }
    return 0;
  };

  window_entities_.clear();
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& mention = mentions[i];
    NodeCount& node = counts_.nodes[mention.entity];
    node.mentions += 1;
    if (node_last_document_[mention.entity] != serial) {
      node_last_document_[mention.entity] = serial;
      node.documents += 1;
    }
    window_entities_.push_back(mention.entity);
    const bool window_ends = i + 1 == mentions.size() || window_of(mentions[i + 1]) != window_of(mention);
    if (window_ends) {
      count_window(serial);
      window_entities_.clear();
    }
  }
}

void MentionCounter::count_window(std::uint64_t document_serial) {
  std::sort(window_entities_.begin(), window_entities_.end());
  window_entities_.erase(std::unique(window_entities_.begin(), window_entities_.end()),
                         window_entities_.end());
  for (const std::uint32_t entity : window_entities_) counts_.nodes[entity].windows += 1;
  for (std::size_t a = 0; a < window_entities_.size(); ++a) {
    for (std::size_t b = a + 1; b < window_entities_.size(); ++b) {
      const std::uint64_t key = edge_key(window_entities_[a], window_entities_[b]);
      EdgeCount& edge = counts_.edges[key];
      edge.weight += 1;
      std::uint64_t& last = edge_last_document_[key];
      if (last != document_serial) {
        last = document_serial;
        edge.documents += 1;
      }
    }
  }
}

}  // namespace comention
