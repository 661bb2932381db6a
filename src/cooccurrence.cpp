#include "comention/cooccurrence.hpp"

#include <algorithm>

namespace comention {

std::string_view to_string(Window window) noexcept {
  switch (window) {
    case Window::sentence: return "sentence";
    case Window::paragraph: return "paragraph";
    case Window::document: return "document";
    case Window::tokens: return "tokens";
  }
  return "sentence";
}

std::optional<Window> parse_window(std::string_view text) noexcept {
  if (text == "sentence") return Window::sentence;
  if (text == "paragraph") return Window::paragraph;
  if (text == "document") return Window::document;
  if (text == "tokens") return Window::tokens;
  return std::nullopt;
}

std::string window_label(Window window, std::uint32_t token_distance) {
  if (window == Window::tokens) return "tokens:" + std::to_string(token_distance);
  return std::string(to_string(window));
}

std::string count_of(std::uint64_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string describe_count(Window window, std::uint32_t token_distance, std::uint64_t count) {
  if (window == Window::tokens) {
    return count_of(count, "time") + " within " + count_of(token_distance, "word");
  }
  return "in " + count_of(count, to_string(window));
}

std::uint64_t edge_key(std::uint32_t a, std::uint32_t b) noexcept {
  if (a > b) std::swap(a, b);
  return (std::uint64_t{a} << 32) | b;
}

std::uint32_t edge_key_low(std::uint64_t key) noexcept { return static_cast<std::uint32_t>(key >> 32); }
std::uint32_t edge_key_high(std::uint64_t key) noexcept { return static_cast<std::uint32_t>(key); }

void Counts::merge(const Counts& other, std::size_t keep_evidence) {
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
  for (const auto& [key, list] : other.evidence) {
    auto& mine = evidence[key];
    for (const Evidence& item : list) {
      if (mine.size() >= keep_evidence) break;
      mine.push_back(item);
    }
    if (mine.empty()) evidence.erase(key);
  }
  documents += other.documents;
  paragraphs += other.paragraphs;
  sentences += other.sentences;
  words += other.words;
  mentions += other.mentions;
}

std::uint64_t Counts::windows(Window window) const noexcept {
  switch (window) {
    case Window::sentence: return sentences;
    case Window::paragraph: return paragraphs;
    case Window::document: return documents;
    case Window::tokens: return words;
  }
  return sentences;
}

MentionCounter::MentionCounter(std::size_t entity_count, Window window, std::size_t keep_evidence,
                               std::uint32_t token_distance)
    : window_(window), keep_evidence_(keep_evidence), token_distance_(token_distance),
      node_last_document_(entity_count, 0) {
  counts_.nodes.resize(entity_count);
}

void MentionCounter::add_document(const std::vector<Mention>& mentions,
                                  const Segmentation& segmentation, const DocumentSource& source) {
  const std::uint64_t serial = ++document_serial_;  // serials start at 1; 0 means "never"
  counts_.documents += 1;
  counts_.paragraphs += segmentation.paragraphs.size();
  counts_.sentences += segmentation.sentences.size();
  counts_.words += segmentation.words;
  counts_.mentions += mentions.size();

  for (const Mention& mention : mentions) {
    NodeCount& node = counts_.nodes[mention.entity];
    node.mentions += 1;
    if (node_last_document_[mention.entity] != serial) {
      node_last_document_[mention.entity] = serial;
      node.documents += 1;
    }
  }
  if (window_ == Window::tokens) {
    for (const Mention& mention : mentions) counts_.nodes[mention.entity].windows += 1;
    count_token_pairs(mentions, serial, source);
    return;
  }

  // Mentions come in text order, so each window's mentions are consecutive.
  auto window_of = [this](const Mention& m) -> std::uint32_t {
    return window_ == Window::sentence ? m.sentence : window_ == Window::paragraph ? m.paragraph : 0;
  };
  window_entities_.clear();
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    window_entities_.push_back(mentions[i].entity);
    const bool window_ends = i + 1 == mentions.size() || window_of(mentions[i + 1]) != window_of(mentions[i]);
    if (window_ends) {
      count_window(serial, window_span(segmentation, mentions[i], source), source);
      window_entities_.clear();
    }
  }
}

Span MentionCounter::window_span(const Segmentation& segmentation, const Mention& mention,
                                 const DocumentSource& source) const noexcept {
  switch (window_) {
    case Window::sentence:
      if (mention.sentence < segmentation.sentences.size()) return segmentation.sentences[mention.sentence];
      break;
    case Window::paragraph:
      if (mention.paragraph < segmentation.paragraphs.size()) return segmentation.paragraphs[mention.paragraph];
      break;
    case Window::document:
    case Window::tokens: break;
  }
  return Span{0, source.text.size()};
}

namespace {

// The window's text, cut at a character boundary to at most kEvidenceTextBytes.
std::string evidence_text(std::string_view text) {
  if (text.size() <= kEvidenceTextBytes) return std::string(text);
  std::size_t cut = kEvidenceTextBytes - 3;  // room for "…"
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";  // …
}

}  // namespace

void MentionCounter::count_window(std::uint64_t document_serial, Span window_span,
                                  const DocumentSource& source) {
  std::sort(window_entities_.begin(), window_entities_.end());
  window_entities_.erase(std::unique(window_entities_.begin(), window_entities_.end()),
                         window_entities_.end());
  for (const std::uint32_t entity : window_entities_) counts_.nodes[entity].windows += 1;
  for (std::size_t a = 0; a < window_entities_.size(); ++a) {
    for (std::size_t b = a + 1; b < window_entities_.size(); ++b) {
      count_pair(window_entities_[a], window_entities_[b], document_serial, window_span, source);
    }
  }
}

void MentionCounter::count_pair(std::uint32_t a, std::uint32_t b, std::uint64_t document_serial,
                                Span window_span, const DocumentSource& source) {
  const std::uint64_t key = edge_key(a, b);
  EdgeCount& edge = counts_.edges[key];
  edge.weight += 1;
  std::uint64_t& last = edge_last_document_[key];
  if (last != document_serial) {
    last = document_serial;
    edge.documents += 1;
  }
  if (keep_evidence_ > 0 && edge.weight <= keep_evidence_ && window_span.end <= source.text.size()) {
    counts_.evidence[key].push_back(Evidence{
        std::string(source.id), window_span.start, window_span.end,
        evidence_text(source.text.substr(window_span.start, window_span.end - window_span.start))});
  }
}

void MentionCounter::count_token_pairs(const std::vector<Mention>& mentions, std::uint64_t document_serial,
                                       const DocumentSource& source) {
  // Mentions are in text order, so the pairs within reach of one end where the other is too far.
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    for (std::size_t j = i + 1; j < mentions.size(); ++j) {
      if (mentions[j].word - mentions[i].word > token_distance_) break;
      if (mentions[i].entity == mentions[j].entity) continue;
      count_pair(mentions[i].entity, mentions[j].entity, document_serial,
                 Span{mentions[i].start, mentions[j].end}, source);
    }
  }
}

}  // namespace comention
