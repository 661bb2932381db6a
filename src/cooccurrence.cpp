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
  if (keep_evidence > 0) {
    for (const auto& [key, pool] : other.evidence) {
      EvidencePool& mine = evidence[key];
      mine.keep = keep_evidence;
      mine.merge(pool);
    }
  }
  documents += other.documents;
  paragraphs += other.paragraphs;
  sentences += other.sentences;
  words += other.words;
  mentions += other.mentions;
}

namespace {

// The order of windows in the input: by document, then by place in it.
bool before_in_input(const Evidence& a, const Evidence& b) noexcept {
  return a.document_index != b.document_index ? a.document_index < b.document_index : a.start < b.start;
}

// Earliest first: dated documents before undated ones, then by date, then in input order.
bool earlier(const Evidence& a, const Evidence& b) noexcept {
  if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
  if (a.date && *a.date != *b.date) return *a.date < *b.date;
  return before_in_input(a, b);
}

// Latest first: dated documents before undated ones, then the latest date, then the last read.
bool later(const Evidence& a, const Evidence& b) noexcept {
  if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
  if (a.date && *a.date != *b.date) return *b.date < *a.date;
  return before_in_input(b, a);
}

bool sampled_before(const std::pair<std::uint64_t, Evidence>& a, const std::pair<std::uint64_t, Evidence>& b) noexcept {
  return a.first != b.first ? a.first < b.first : before_in_input(a.second, b.second);
}

bool same_window(const Evidence& a, const Evidence& b) noexcept {
  return a.document_index == b.document_index && a.start == b.start && a.end == b.end;
}

}  // namespace

void EvidencePool::offer_window(const Evidence& window) {
  if (keep == 0) return;
  if (first.size() < keep) {
    first.push_back(window);
  } else if (before_in_input(window, first.back())) {
    first.back() = window;  // copy-assignment reuses the strings' capacity
  } else {
    return;
  }
  // Kept sorted, so the last is the one to give up; K is small.
  for (std::size_t i = first.size() - 1; i > 0 && before_in_input(first[i], first[i - 1]); --i) {
    std::swap(first[i], first[i - 1]);
  }
}

void EvidencePool::offer_document(const Evidence& window, std::uint64_t hash) {
  if (keep == 0) return;
  if (!earliest || earlier(window, *earliest)) earliest = window;
  if (!latest || later(window, *latest)) latest = window;
  if (sampled.size() < keep) {
    sampled.emplace_back(hash, window);
  } else {
    auto worst = std::max_element(sampled.begin(), sampled.end(), sampled_before);
    // Compared in place: a pair made for sampled_before would copy the window.
    if (!(hash < worst->first || (hash == worst->first && before_in_input(window, worst->second)))) return;
    worst->first = hash;
    worst->second = window;
  }
}

void EvidencePool::merge(const EvidencePool& other) {
  for (const Evidence& window : other.first) offer_window(window);
  // The other pool's earliest and latest are its best; offering them keeps ours or takes theirs.
  if (other.earliest && (!earliest || earlier(*other.earliest, *earliest))) earliest = other.earliest;
  if (other.latest && (!latest || later(*other.latest, *latest))) latest = other.latest;
  for (const auto& [hash, window] : other.sampled) {
    if (sampled.size() < keep) {
      sampled.emplace_back(hash, window);
      continue;
    }
    auto worst = std::max_element(sampled.begin(), sampled.end(), sampled_before);
    if (sampled_before({hash, window}, *worst)) *worst = {hash, window};
  }
}

std::vector<Evidence> EvidencePool::pick() const {
  std::vector<Evidence> chosen;
  auto chosen_document = [&](const Evidence& window) {
    return std::any_of(chosen.begin(), chosen.end(),
                       [&](const Evidence& c) { return c.document_index == window.document_index; });
  };
  auto add = [&](const Evidence& window) {
    if (chosen.size() >= keep) return;
    if (std::any_of(chosen.begin(), chosen.end(), [&](const Evidence& c) { return same_window(c, window); })) return;
    chosen.push_back(window);
  };
  if (earliest) add(*earliest);
  if (latest) add(*latest);
  std::vector<std::pair<std::uint64_t, Evidence>> by_hash = sampled;
  std::sort(by_hash.begin(), by_hash.end(), sampled_before);
  for (const auto& [hash, window] : by_hash) {
    if (!chosen_document(window)) add(window);
  }
  for (const Evidence& window : first) add(window);
  std::sort(chosen.begin(), chosen.end(), before_in_input);
  return chosen;
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
  std::size_t window_start = 0;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    window_entities_.push_back(mentions[i].entity);
    const bool window_ends = i + 1 == mentions.size() || window_of(mentions[i + 1]) != window_of(mentions[i]);
    if (window_ends) {
      count_window(serial, window_span(segmentation, mentions[i], source), mentions.data() + window_start,
                   mentions.data() + i + 1, source);
      window_entities_.clear();
      window_start = i + 1;
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

// The window's text, cut at a character boundary to at most kEvidenceTextBytes, written over
// `out` so that its capacity is reused.
void set_evidence_text(std::string& out, std::string_view text) {
  if (text.size() <= kEvidenceTextBytes) {
    out.assign(text);
    return;
  }
  std::size_t cut = kEvidenceTextBytes - 3;  // room for "…"
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  out.assign(text.substr(0, cut));
  out.append("\xE2\x80\xA6");  // …
}

// A hash of the document's id for this edge (FNV-1a, then a 64-bit mix with the edge): it
// samples documents evenly, the same way on every run, and differently for each edge.
std::uint64_t document_hash(std::string_view id, std::uint64_t edge) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  hash ^= edge + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2);
  hash ^= hash >> 31;
  hash *= 0xbf58476d1ce4e5b9ULL;
  hash ^= hash >> 27;
  return hash;
}

}  // namespace

void MentionCounter::count_window(std::uint64_t document_serial, Span window_span, const Mention* first,
                                  const Mention* last, const DocumentSource& source) {
  std::sort(window_entities_.begin(), window_entities_.end());
  window_entities_.erase(std::unique(window_entities_.begin(), window_entities_.end()),
                         window_entities_.end());
  for (const std::uint32_t entity : window_entities_) counts_.nodes[entity].windows += 1;
  for (std::size_t a = 0; a < window_entities_.size(); ++a) {
    for (std::size_t b = a + 1; b < window_entities_.size(); ++b) {
      count_pair(window_entities_[a], window_entities_[b], document_serial, window_span, first, last, source);
    }
  }
}

void MentionCounter::count_pair(std::uint32_t a, std::uint32_t b, std::uint64_t document_serial,
                                Span window_span, const Mention* window_first, const Mention* window_last,
                                const DocumentSource& source) {
  const std::uint64_t key = edge_key(a, b);
  EdgeCount& edge = counts_.edges[key];
  edge.weight += 1;
  std::uint64_t& last = edge_last_document_[key];
  const bool new_document = last != document_serial;
  if (new_document) {
    last = document_serial;
    edge.documents += 1;
  }
  if (keep_evidence_ == 0 || window_span.end > source.text.size()) return;
  EvidencePool& pool = counts_.evidence[key];
  pool.keep = keep_evidence_;
  // Only the first window of a document, and the first K of the edge, can be candidates: most
  // co-mentions cost a lookup and no copy.
  if (!new_document && pool.first.size() >= keep_evidence_) return;
  candidate_.document.assign(source.id);
  candidate_.start = window_span.start;
  candidate_.end = window_span.end;
  set_evidence_text(candidate_.text, source.text.substr(window_span.start, window_span.end - window_span.start));
  candidate_.date = source.date;
  candidate_.title.assign(source.title);
  candidate_.document_index = source.index.value_or(document_serial - 1);
  // Looked for only now, for a candidate: the window's mentions are few and this is rare.
  const std::uint32_t low = std::min(a, b);
  const std::uint32_t high = std::max(a, b);
  candidate_.source_name = Span{};
  candidate_.target_name = Span{};
  bool low_found = false;
  bool high_found = false;
  for (const Mention* m = window_first; m != window_last && !(low_found && high_found); ++m) {
    if (m->entity == low && !low_found) {
      candidate_.source_name = Span{m->start, m->end};
      low_found = true;
    } else if (m->entity == high && !high_found) {
      candidate_.target_name = Span{m->start, m->end};
      high_found = true;
    }
  }
  pool.offer_window(candidate_);
  if (new_document) pool.offer_document(candidate_, document_hash(source.id, key));
}

void MentionCounter::count_token_pairs(const std::vector<Mention>& mentions, std::uint64_t document_serial,
                                       const DocumentSource& source) {
  // Mentions are in text order, so the pairs within reach of one end where the other is too far.
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    for (std::size_t j = i + 1; j < mentions.size(); ++j) {
      if (mentions[j].word - mentions[i].word > token_distance_) break;
      if (mentions[i].entity == mentions[j].entity) continue;
      count_pair(mentions[i].entity, mentions[j].entity, document_serial, Span{mentions[i].start, mentions[j].end},
                 mentions.data() + i, mentions.data() + j + 1, source);
    }
  }
}

}  // namespace comention
