#include "comention/gazetteer.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "comention/error.hpp"
#include "comention/text.hpp"
#include "embedded_data.hpp"

namespace comention {

std::string_view to_string(Category category) noexcept {
  return category == Category::country ? "country" : "organization";
}

std::string_view to_string(CaseRule rule) noexcept {
  switch (rule) {
    case CaseRule::name: return "name";
    case CaseRule::exact: return "exact";
    case CaseRule::any: return "any";
  }
  return "name";
}

std::optional<CaseRule> parse_case_rule(std::string_view text) noexcept {
  if (text == "name") return CaseRule::name;
  if (text == "exact") return CaseRule::exact;
  if (text == "any") return CaseRule::any;
  return std::nullopt;
}

std::string_view Entity::attribute(std::string_view key) const noexcept {
  for (const auto& [name, value] : attributes) {
    if (name == key) return value;
  }
  return {};
}

std::optional<std::uint32_t> Gazetteer::find(std::string_view id) const noexcept {
  const auto it = std::lower_bound(entities_.begin(), entities_.end(), id,
                                   [](const Entity& e, std::string_view key) { return e.id < key; });
  if (it == entities_.end() || it->id != id) return std::nullopt;
  return static_cast<std::uint32_t>(it - entities_.begin());
}

Gazetteer Gazetteer::builtin() {
  GazetteerBuilder builder;
  builder.add_builtin();
  return builder.build();
}

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.';
  });
}

bool has_word_char(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (is_word_char(decode_utf8(text, pos))) return true;
  }
  return false;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

}  // namespace

void GazetteerBuilder::add_builtin() {
  for (const auto& file : detail::embedded_gazetteer_files()) {
    add_text(file.content, "builtin:" + std::string(file.name));
  }
}

void GazetteerBuilder::add_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open gazetteer file");
  std::ostringstream content;
  content << in.rdbuf();
  add_text(content.str(), path);
}

void GazetteerBuilder::add_text(std::string_view content, const std::string& source) {
  std::size_t line_number = 0;
  std::size_t line_start = 0;
  while (line_start < content.size()) {
    const std::size_t newline = content.find('\n', line_start);
    const std::size_t line_end = newline == std::string_view::npos ? content.size() : newline;
    std::string_view line = content.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    auto fail = [&](const std::string& message) { throw InputError(source, line_number, message); };
    if (const auto bad = find_invalid_utf8(line)) {
      fail("invalid UTF-8 at column " + std::to_string(*bad + 1));
    }
    const std::string_view content_part = trim(line);
    if (content_part.empty() || content_part.front() == '#') continue;

    const auto fields = split_tabs(line);
    const std::string_view kind = fields[0];
    auto field = [&](std::size_t i) { return i < fields.size() ? trim(fields[i]) : std::string_view{}; };
    auto rule_at = [&](std::size_t i, CaseRule fallback) {
      if (i >= fields.size() || field(i).empty()) return fallback;
      const auto rule = parse_case_rule(field(i));
      if (!rule) fail("unknown case rule '" + std::string(field(i)) + "' (name, exact or any)");
      return *rule;
    };
    auto require_entity = [&](std::string_view id) {
      if (!entities_.contains(id)) fail("unknown entity id '" + std::string(id) + "'");
    };

    if (kind == "entity") {
      if (fields.size() < 4) fail("an entity record needs ID, CATEGORY and LABEL");
      const std::string id(field(1));
      if (!is_valid_id(id)) fail("bad entity id '" + id + "' (letters, digits, _ - . only)");
      Category category = Category::country;
      if (field(2) == "organization") {
        category = Category::organization;
      } else if (field(2) != "country") {
        fail("unknown category '" + std::string(field(2)) + "' (country or organization)");
      }
      if (field(3).empty()) fail("entity " + id + " has an empty label");
      auto [it, inserted] = entities_.try_emplace(id);
      PendingEntity& pending = it->second;
      if (!inserted && pending.source == source) fail("duplicate entity id '" + id + "'");
      pending.source = source;
      pending.entity.id = id;
      pending.entity.category = category;
      pending.entity.label = std::string(field(3));
      for (std::size_t i = 4; i < fields.size(); ++i) {
        const std::string_view pair = field(i);
        if (pair.empty()) continue;
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos || equals == 0) {
          fail("expected key=value, found '" + std::string(pair) + "'");
        }
        std::string key(pair.substr(0, equals));
        std::string value(pair.substr(equals + 1));
        auto& attributes = pending.entity.attributes;
        const auto existing = std::find_if(attributes.begin(), attributes.end(),
                                           [&](const auto& kv) { return kv.first == key; });
        if (existing != attributes.end()) {
          existing->second = std::move(value);
        } else {
          attributes.emplace_back(std::move(key), std::move(value));
        }
      }
    } else if (kind == "alias" || kind == "stop") {
      const bool is_stop = kind == "stop";
      const std::size_t text_field = is_stop ? 1 : 2;
      if (fields.size() < text_field + 1 || fields.size() > text_field + 2) {
        fail(is_stop ? "a stop record is: stop TEXT [RULE]" : "an alias record is: alias ID TEXT [RULE]");
      }
      std::string entity_id;
      if (!is_stop) {
        entity_id = std::string(field(1));
        require_entity(entity_id);
      }
      const std::string text(field(text_field));
      if (text.empty() || !has_word_char(text)) fail("empty alias text");
      const CaseRule rule = rule_at(text_field + 1, is_stop ? CaseRule::any : CaseRule::name);
      std::string key = fold(text);
      auto [it, inserted] = aliases_.try_emplace(std::move(key));
      PendingAlias& alias = it->second;
      if (!inserted && alias.source == source && alias.entity_id != entity_id) {
        const std::string owner = alias.entity_id.empty() ? "a stop phrase" : alias.entity_id;
        fail("'" + text + "' is already " + (alias.entity_id.empty() ? "" : "an alias of ") + owner);
      }
      alias = PendingAlias{text, entity_id, rule, source};
    } else if (kind == "drop") {
      if (fields.size() < 2 || fields.size() > 3) fail("a drop record is: drop ID [TEXT]");
      const std::string id(field(1));
      require_entity(id);
      if (fields.size() == 2 || field(2).empty()) {
        entities_.erase(id);
        std::erase_if(aliases_, [&](const auto& entry) { return entry.second.entity_id == id; });
      } else {
        const auto it = aliases_.find(fold(field(2)));
        if (it == aliases_.end() || it->second.entity_id != id) {
          fail(id + " has no alias '" + std::string(field(2)) + "' to drop");
        }
        aliases_.erase(it);
      }
    } else {
      fail("unknown record '" + std::string(kind) + "' (entity, alias, stop or drop)");
    }
  }
}

Gazetteer GazetteerBuilder::build() const {
  Gazetteer gazetteer;
  gazetteer.entities_.reserve(entities_.size());
  for (const auto& [id, pending] : entities_) gazetteer.entities_.push_back(pending.entity);
  gazetteer.aliases_.reserve(aliases_.size());
  for (const auto& [key, pending] : aliases_) {
    Alias alias{pending.text, Alias::kStop, pending.rule};
    if (!pending.entity_id.empty()) {
      const auto index = gazetteer.find(pending.entity_id);
      if (!index) continue;  // its entity was dropped by a later file
      alias.entity = *index;
    }
    gazetteer.aliases_.push_back(std::move(alias));
  }
  return gazetteer;
}

}  // namespace comention
