// A matcher's tables as one block of bytes, and the blocks compiled into the program.
//
// Building the matcher of every language's names (some 40,000 with their forms) takes a
// quarter of a second, ten times comention's start-up; it is done once, when comention is
// built (tools/make_builtin_images.cpp), and its tables are used where they lie in the
// program: the pages a search touches are read in, the rest never are.
//
// The block: a header, then each table's bytes at an offset that is a multiple of 64 from the
// block's start. It is read by the build that wrote it, so the tables are in this machine's
// layout; the header holds the record sizes all the same, and a block that does not fit is
// refused (the matcher is then built).
#include "comention/matcher.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "builtin_images.hpp"
#include "byte_image.hpp"

namespace comention {
namespace {

constexpr char kMagic[8] = {'c', 'o', 'm', 'e', 'n', 't', 'i', 'o'};
constexpr std::uint32_t kImageVersion = 1;
constexpr std::size_t kAlignment = 64;

enum Section : std::size_t {
  kNodes,
  kEdgeLabels,
  kEdgeTargets,
  kTerminals,
  kCasePatterns,
  kCompoundParts,
  kDenseChildren,
  kRootChildren,
  kShortOpenings,
  kLongOpenings,
  kFirstEight,
  kContexts,
  kSections
};

struct ImageHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t record_sizes;  // see record_sizes()
  std::uint64_t entities;      // fingerprint of the gazetteer's entities (entity_fingerprint)
  std::uint64_t aliases;       // the gazetteer's alias count
  std::uint64_t longest_alias;
  std::uint32_t prefix_lengths[3];  // short openings, long openings, first eight
  std::uint8_t ignore_case;
  std::uint8_t capitals;
  std::uint8_t unused[2];
  std::uint64_t offsets[kSections];  // bytes from the block's start
  std::uint64_t sizes[kSections];    // bytes
};
static_assert(std::has_unique_object_representations_v<ImageHeader>);

// The entities a matcher's results index: their ids and categories, in order.
std::uint64_t entity_fingerprint(const Gazetteer& gazetteer) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a
  auto add = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  };
  for (const Entity& entity : gazetteer.entities()) {
    for (const char c : entity.id) add(static_cast<unsigned char>(c));
    add(0);
    add(static_cast<unsigned char>(entity.category));
  }
  return hash;
}

}  // namespace

std::uint32_t Matcher::record_sizes() noexcept {
  return static_cast<std::uint32_t>(sizeof(Node) | sizeof(Terminal) << 8 | sizeof(CompoundPart) << 16 |
                                    sizeof(LetterCase) << 24);
}

std::string Matcher::image(const Gazetteer& gazetteer) const {
  static_assert(std::has_unique_object_representations_v<Node>);
  static_assert(std::has_unique_object_representations_v<Terminal>);
  static_assert(std::has_unique_object_representations_v<CompoundPart>);
  static_assert(std::has_unique_object_representations_v<LetterCase>);

  detail::ImageWriter writer;
  for (const CompiledContext& context : contexts_) {
    writer.u8(static_cast<std::uint8_t>(context.side));
    writer.u8(context.any_capitalised ? 1 : 0);
    writer.u32(static_cast<std::uint32_t>(context.words.size()));
    for (const std::string& word : context.words) writer.string(word);
    writer.u32(static_cast<std::uint32_t>(context.exceptions.size()));
    for (const std::string& word : context.exceptions) writer.string(word);
  }
  const std::string& contexts = writer.out();
  const auto bytes_of = [](auto span) { return std::as_bytes(std::span(span)); };
  const std::span<const std::byte> sections[kSections] = {
      bytes_of(nodes_),
      bytes_of(edge_labels_),
      bytes_of(edge_targets_),
      bytes_of(terminals_),
      bytes_of(case_patterns_),
      bytes_of(compound_parts_),
      bytes_of(dense_children_),
      std::as_bytes(std::span(root_children_)),
      bytes_of(std::span<const std::uint64_t>(short_openings_.bits)),
      bytes_of(std::span<const std::uint64_t>(long_openings_.bits)),
      bytes_of(std::span<const std::uint64_t>(first_eight_.bits)),
      std::as_bytes(std::span(contexts.data(), contexts.size())),
  };

  ImageHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kImageVersion;
  header.record_sizes = record_sizes();
  header.entities = entity_fingerprint(gazetteer);
  header.aliases = gazetteer.aliases().size();
  header.longest_alias = longest_alias_;
  header.prefix_lengths[0] = short_openings_.lengths;
  header.prefix_lengths[1] = long_openings_.lengths;
  header.prefix_lengths[2] = first_eight_.lengths;
  header.ignore_case = options_.ignore_case ? 1 : 0;
  header.capitals = options_.capitals ? 1 : 0;
  std::uint64_t offset = sizeof header;
  for (std::size_t i = 0; i < kSections; ++i) {
    offset = (offset + kAlignment - 1) / kAlignment * kAlignment;
    header.offsets[i] = offset;
    header.sizes[i] = sections[i].size();
    offset += sections[i].size();
  }

  std::string out;
  out.reserve(offset);
  out.append(reinterpret_cast<const char*>(&header), sizeof header);
  for (std::size_t i = 0; i < kSections; ++i) {
    out.resize(header.offsets[i], '\0');
    out.append(reinterpret_cast<const char*>(sections[i].data()), sections[i].size());
  }
  return out;
}

std::optional<Matcher> Matcher::from_image(std::span<const unsigned char> image, const Gazetteer& gazetteer,
                                           MatchOptions options) {
  return read_image(image, gazetteer, options, gazetteer.aliases().size());
}

std::optional<Matcher> Matcher::read_image(std::span<const unsigned char> image, const Gazetteer& gazetteer,
                                           MatchOptions options, std::optional<std::size_t> aliases) {
  ImageHeader header{};
  if (image.size() < sizeof header || reinterpret_cast<std::uintptr_t>(image.data()) % kAlignment != 0) {
    return std::nullopt;
  }
  std::memcpy(&header, image.data(), sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.version != kImageVersion ||
      header.record_sizes != record_sizes() || header.entities != entity_fingerprint(gazetteer) ||
      (aliases && header.aliases != *aliases) || (header.ignore_case != 0) != options.ignore_case ||
      (header.capitals != 0) != options.capitals) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < kSections; ++i) {
    if (header.offsets[i] % kAlignment != 0 || header.offsets[i] > image.size() ||
        header.sizes[i] > image.size() - header.offsets[i]) {
      return std::nullopt;
    }
  }
  // A table of `T`s, when the section holds a whole number of them.
  bool ok = true;
  const auto table = [&]<typename T>(Section section, std::span<const T>& out) {
    if (header.sizes[section] % sizeof(T) != 0) {
      ok = false;
      return;
    }
    out = std::span<const T>(reinterpret_cast<const T*>(image.data() + header.offsets[section]),
                             header.sizes[section] / sizeof(T));
  };

  Matcher matcher;
  matcher.options_ = options;
  matcher.longest_alias_ = header.longest_alias;
  table(kNodes, matcher.nodes_);
  table(kEdgeLabels, matcher.edge_labels_);
  table(kEdgeTargets, matcher.edge_targets_);
  table(kTerminals, matcher.terminals_);
  table(kCasePatterns, matcher.case_patterns_);
  table(kCompoundParts, matcher.compound_parts_);
  table(kDenseChildren, matcher.dense_children_);
  std::span<const std::int32_t> root;
  table(kRootChildren, root);
  std::span<const std::uint64_t> prefix_bits[3];
  table(kShortOpenings, prefix_bits[0]);
  table(kLongOpenings, prefix_bits[1]);
  table(kFirstEight, prefix_bits[2]);
  if (!ok || matcher.nodes_.empty() || root.size() != std::size(matcher.root_children_)) return std::nullopt;
  std::copy(root.begin(), root.end(), matcher.root_children_);
  PrefixSet* sets[3] = {&matcher.short_openings_, &matcher.long_openings_, &matcher.first_eight_};
  for (std::size_t i = 0; i < 3; ++i) {
    if (prefix_bits[i].size() != PrefixSet::kWords) return std::nullopt;
    sets[i]->bits.assign(prefix_bits[i].begin(), prefix_bits[i].end());
    sets[i]->lengths = header.prefix_lengths[i];
  }

  detail::ImageReader contexts(image.subspan(header.offsets[kContexts], header.sizes[kContexts]));
  while (contexts.ok() && !contexts.at_end()) {
    CompiledContext context;
    const std::uint8_t side = contexts.u8();
    if (side > static_cast<std::uint8_t>(ContextSide::not_after)) return std::nullopt;
    context.side = static_cast<ContextSide>(side);
    context.any_capitalised = contexts.u8() != 0;
    for (std::uint32_t n = contexts.count(4); n > 0; --n) context.words.push_back(contexts.string());
    for (std::uint32_t n = contexts.count(4); n > 0; --n) context.exceptions.push_back(contexts.string());
    matcher.contexts_.push_back(std::move(context));
  }
  if (!contexts.ok()) return std::nullopt;
  return matcher;
}

Matcher Matcher::of(const Gazetteer& gazetteer, MatchOptions options) {
  if (gazetteer.is_builtin_only()) {
    const LanguageSet& languages = gazetteer.languages();
    const bool english = !languages.is_all() && languages.codes().size() == 1;
    const std::span<const unsigned char> image =
        english ? detail::builtin_matcher_image(detail::BuiltinNames::english)
                : languages.is_all() ? detail::builtin_matcher_image(detail::BuiltinNames::every_language)
                                     : std::span<const unsigned char>();
    if (!image.empty()) {
      if (auto matcher = from_image(image, gazetteer, options)) return std::move(*matcher);
    }
  }
  return Matcher(gazetteer, options);
}

std::optional<Matcher> Matcher::builtin_every_language(const Gazetteer& english, MatchOptions options) {
  if (!english.is_builtin_only()) return std::nullopt;
  const auto image = detail::builtin_matcher_image(detail::BuiltinNames::every_language);
  if (image.empty()) return std::nullopt;
  return read_image(image, english, options, std::nullopt);
}

}  // namespace comention
