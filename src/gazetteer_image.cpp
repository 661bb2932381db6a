// The gazetteer as one block of bytes: the built-in English gazetteer is read from one compiled
// into comention (src/tools/make_builtin_images.cpp) instead of being built from its files at
// every start, which took half of comention's start-up.
#include <optional>
#include <string>

#include "builtin_images.hpp"
#include "byte_image.hpp"
#include "comention/gazetteer.hpp"

namespace comention {
namespace {

constexpr char kMagic[8] = {'c', 'o', 'm', 'e', 'n', 't', 'g', 'z'};
constexpr std::uint32_t kImageVersion = 1;

void write_pairs(detail::ImageWriter& writer, const std::vector<std::pair<std::string, std::string>>& pairs) {
  writer.u32(static_cast<std::uint32_t>(pairs.size()));
  for (const auto& [key, value] : pairs) {
    writer.string(key);
    writer.string(value);
  }
}

void read_pairs(detail::ImageReader& reader, std::vector<std::pair<std::string, std::string>>& pairs) {
  const std::uint32_t n = reader.count(8);
  pairs.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string key = reader.string();
    pairs.emplace_back(std::move(key), reader.string());
  }
}

void write_strings(detail::ImageWriter& writer, const std::vector<std::string>& strings) {
  writer.u32(static_cast<std::uint32_t>(strings.size()));
  for (const std::string& text : strings) writer.string(text);
}

void read_strings(detail::ImageReader& reader, std::vector<std::string>& strings) {
  const std::uint32_t n = reader.count(4);
  strings.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) strings.push_back(reader.string());
}

}  // namespace

std::string Gazetteer::image() const {
  detail::ImageWriter writer;
  writer.bytes(kMagic, sizeof kMagic);
  writer.u32(kImageVersion);
  writer.u8(builtin_only_ ? 1 : 0);
  writer.u8(languages_.is_all() ? 1 : 0);
  writer.u8(languages_.detects() ? 1 : 0);
  write_strings(writer, languages_.codes());

  writer.u32(static_cast<std::uint32_t>(entities_.size()));
  for (const Entity& entity : entities_) {
    writer.string(entity.id);
    writer.u8(static_cast<std::uint8_t>(entity.category));
    writer.string(entity.label);
    write_pairs(writer, entity.labels);
    write_pairs(writer, entity.attributes);
  }
  writer.u32(static_cast<std::uint32_t>(aliases_.size()));
  for (const Alias& alias : aliases_) {
    writer.string(alias.text);
    writer.u32(alias.entity);
    writer.u8(static_cast<std::uint8_t>(alias.rule));
    writer.u8(static_cast<std::uint8_t>(alias.kind));
    writer.u64(alias.languages);
    writer.u32(static_cast<std::uint32_t>(alias.compound.size()));
    for (const std::uint32_t part : alias.compound) writer.u32(part);
  }
  writer.u32(static_cast<std::uint32_t>(contexts_.size()));
  for (const ContextRule& rule : contexts_) {
    writer.string(rule.text);
    writer.u8(static_cast<std::uint8_t>(rule.side));
    write_strings(writer, rule.words);
    write_strings(writer, rule.exceptions);
  }
  return std::move(writer.out());
}

std::optional<Gazetteer> Gazetteer::from_image(std::span<const unsigned char> image) {
  detail::ImageReader reader(image);
  char magic[sizeof kMagic];
  for (char& c : magic) c = static_cast<char>(reader.u8());
  if (std::string_view(magic, sizeof magic) != std::string_view(kMagic, sizeof kMagic) ||
      reader.u32() != kImageVersion) {
    return std::nullopt;
  }
  Gazetteer gazetteer;
  gazetteer.builtin_only_ = reader.u8() != 0;
  const bool all = reader.u8() != 0;
  const bool detects = reader.u8() != 0;
  gazetteer.languages_ = detects ? LanguageSet::automatic() : all ? LanguageSet::all() : LanguageSet{};
  std::vector<std::string> codes;
  read_strings(reader, codes);
  for (const std::string& code : codes) {
    if (!is_language_code(code)) return std::nullopt;
    gazetteer.languages_.add(code);
  }

  const std::uint32_t entities = reader.count(10);
  gazetteer.entities_.resize(entities);
  for (Entity& entity : gazetteer.entities_) {
    entity.id = reader.string();
    const std::uint8_t category = reader.u8();
    if (category > static_cast<std::uint8_t>(Category::organization)) return std::nullopt;
    entity.category = static_cast<Category>(category);
    entity.label = reader.string();
    read_pairs(reader, entity.labels);
    read_pairs(reader, entity.attributes);
  }
  const std::uint32_t aliases = reader.count(22);
  gazetteer.aliases_.resize(aliases);
  for (Alias& alias : gazetteer.aliases_) {
    alias.text = reader.string();
    alias.entity = reader.u32();
    const std::uint8_t rule = reader.u8();
    const std::uint8_t kind = reader.u8();
    alias.languages = reader.u64();
    if ((alias.entity >= entities && alias.entity != Alias::kStop) || rule > static_cast<std::uint8_t>(CaseRule::any) ||
        kind > static_cast<std::uint8_t>(AliasKind::compound)) {
      return std::nullopt;
    }
    alias.rule = static_cast<CaseRule>(rule);
    alias.kind = static_cast<AliasKind>(kind);
    const std::uint32_t parts = reader.count(4);
    alias.compound.reserve(parts);
    for (std::uint32_t i = 0; i < parts; ++i) {
      alias.compound.push_back(reader.u32());
      if (alias.compound.back() >= entities) return std::nullopt;
    }
  }
  const std::uint32_t contexts = reader.count(13);
  gazetteer.contexts_.resize(contexts);
  for (ContextRule& rule : gazetteer.contexts_) {
    rule.text = reader.string();
    const std::uint8_t side = reader.u8();
    if (side > static_cast<std::uint8_t>(ContextSide::not_after)) return std::nullopt;
    rule.side = static_cast<ContextSide>(side);
    read_strings(reader, rule.words);
    read_strings(reader, rule.exceptions);
  }
  if (!reader.ok() || !reader.at_end()) return std::nullopt;
  return gazetteer;
}

Gazetteer Gazetteer::builtin() {
  if (auto compiled = from_image(detail::builtin_gazetteer_image())) return std::move(*compiled);
  GazetteerBuilder builder;
  builder.add_builtin();
  return builder.build();
}

}  // namespace comention
