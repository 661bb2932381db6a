#include "comention/gazetteer.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>
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

bool is_language_code(std::string_view code) noexcept {
  return code.size() == 2 && code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z';
}

LanguageSet LanguageSet::all() {
  LanguageSet set;
  set.all_ = true;
  return set;
}

LanguageSet LanguageSet::parse(std::string_view list) {
  LanguageSet set;
  for (;;) {
    const auto comma = list.find(',');
    std::string_view code = list.substr(0, comma);
    while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
    while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
    if (code == "all") {
      set.all_ = true;
    } else if (!is_language_code(code)) {
      throw UsageError(code.empty() ? std::string("empty language code in the language list")
                                    : "'" + std::string(code) +
                                          "' is no language code: give ISO 639-1 codes (two letters) such as es or fr, "
                                          "comma-separated, or all");
    } else {
      set.add(code);
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return set;
}

void LanguageSet::add(std::string_view code) {
  const auto at = std::lower_bound(codes_.begin(), codes_.end(), code);
  if (at == codes_.end() || *at != code) codes_.emplace(at, code);
}

bool LanguageSet::contains(std::string_view code) const noexcept {
  return all_ || std::binary_search(codes_.begin(), codes_.end(), code);
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

namespace {

// Ids are ASCII: their case folds byte by byte.
std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// A name as typed on a command line, folded: spaces around it are no part of it.
std::string fold_name(std::string_view name) {
  std::string folded = fold(name);
  const auto first = folded.find_first_not_of(" \n");
  if (first == std::string::npos) return {};
  return folded.substr(first, folded.find_last_not_of(" \n") - first + 1);
}

}  // namespace

std::optional<std::uint32_t> Gazetteer::lookup(std::string_view name) const {
  if (const auto exact = find(name)) return exact;
  // An id in another case: a short id could also be a name ("chad"), so ids are tried first
  // only because the user who types three letters most likely means the id.
  const std::string lower = lower_ascii(name);
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    if (lower_ascii(entities_[i].id) == lower) return static_cast<std::uint32_t>(i);
  }
  const std::string folded = fold_name(name);
  if (folded.empty()) return std::nullopt;
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    if (fold(entities_[i].label) == folded) return static_cast<std::uint32_t>(i);
  }
  for (const Alias& alias : aliases_) {
    if (alias.entity != Alias::kStop && alias.kind == AliasKind::name && fold(alias.text) == folded) return alias.entity;
  }
  return std::nullopt;
}

std::optional<std::uint32_t> Gazetteer::suggest(std::string_view name) const {
  // Every way of naming an entity, folded, with the entity each stands for.
  std::vector<std::string> names;
  std::vector<std::uint32_t> owners;
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    names.push_back(lower_ascii(entities_[i].id));
    owners.push_back(static_cast<std::uint32_t>(i));
    names.push_back(fold(entities_[i].label));
    owners.push_back(static_cast<std::uint32_t>(i));
  }
  for (const Alias& alias : aliases_) {
    if (alias.entity == Alias::kStop || alias.kind != AliasKind::name) continue;
    names.push_back(fold(alias.text));
    owners.push_back(alias.entity);
  }
  const std::vector<std::string_view> views(names.begin(), names.end());
  const std::string folded = fold_name(name);
  const auto nearest = closest_word(folded, views);
  if (!nearest) return std::nullopt;
  for (std::size_t i = 0; i < views.size(); ++i) {
    if (views[i].data() == nearest->data()) return owners[i];
  }
  return std::nullopt;
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

// Whether one of the `name` records skipped for their language (records of other sources, and
// the built-in files' contents) matches: a `drop` or `context` of a text not loaded is no error
// when it is about one of them.
bool any_skipped_name(const std::vector<std::string>& records,
                      const std::vector<std::string_view>& builtin_contents,
                      const std::function<bool(const std::vector<std::string_view>&)>& matches) {
  // name LANG ID TEXT [RULE]
  auto names_it = [&](std::string_view line) {
    if (!line.starts_with("name\t")) return false;
    const std::vector<std::string_view> fields = split_tabs(line);
    return fields.size() >= 4 && matches(fields);
  };
  for (const std::string& record : records) {
    if (names_it(record)) return true;
  }
  for (const std::string_view content : builtin_contents) {
    std::size_t start = 0;
    while (start < content.size()) {
      const std::size_t newline = content.find('\n', start);
      const std::size_t end = newline == std::string_view::npos ? content.size() : newline;
      std::string_view line = content.substr(start, end - start);
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (names_it(line)) return true;
      start = end + 1;
    }
  }
  return false;
}

}  // namespace

void GazetteerBuilder::add_builtin() {
  for (const auto& file : detail::embedded_gazetteer_files()) {
    // names-LANG.tsv holds the names of one language: left unread unless LANG is asked for, so
    // that English alone starts as fast as before there were other languages.
    if (file.name.starts_with("names-") && file.name.ends_with(".tsv")) {
      const std::string_view language = file.name.substr(6, file.name.size() - 10);
      if (is_language_code(language)) {
        languages_seen_.emplace(language);
        if (!languages_.contains(language)) {
          skipped_builtin_names_.push_back(file.content);
          continue;
        }
      }
    }
    add_text(file.content, "builtin:" + std::string(file.name));
  }
}

void GazetteerBuilder::add_file(const std::string& path, std::vector<InputError>* problems) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw InputError(path, std::filesystem::exists(path, error) ? "is not a regular file"
                                                                 : "no such gazetteer file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open gazetteer file (" + std::string(std::strerror(errno)) + ")");
  std::ostringstream content;
  content << in.rdbuf();
  add_text(content.str(), path, problems);
}

void GazetteerBuilder::add_text(std::string_view content, const std::string& source_name,
                                std::vector<InputError>* problems) {
  // Each call is a source of its own, even for a file read twice: conflicts are checked within
  // one source, and a later source overrides an earlier one.
  const Source source{source_name, ++sources_read_};
  // Name records come grouped by language: each language is noted once per run of them.
  std::string_view last_language;
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);  // a byte order mark
  std::size_t line_number = 0;
  std::size_t line_start = 0;
  while (line_start < content.size()) {
    const std::size_t newline = content.find('\n', line_start);
    const std::size_t line_end = newline == std::string_view::npos ? content.size() : newline;
    std::string_view line = content.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.starts_with("name\t")) {
      const std::string_view rest = line.substr(5);
      const std::string_view language = rest.substr(0, rest.find('\t'));
      if (is_language_code(language)) {
        if (language != last_language) {
          languages_seen_.emplace(language);
          last_language = language;
        }
        if (!languages_.contains(language)) {
          skipped_name_records_.emplace_back(line);
          continue;
        }
      }
    }
    try {
      if (const auto bad = find_invalid_utf8(line)) {
        throw InputError(source.name, line_number, "invalid UTF-8 at column " + std::to_string(*bad + 1));
      }
      const std::string_view content_part = trim(line);
      if (content_part.empty() || content_part.front() == '#') continue;
      add_record(split_tabs(line), source, line_number);
    } catch (const InputError& error) {
      if (problems == nullptr) throw;
      problems->push_back(error);
    }
  }
}

void GazetteerBuilder::add_record(const std::vector<std::string_view>& fields, const Source& source,
                                  std::size_t line_number) {
  auto fail = [&](const std::string& message) { throw InputError(source.name, line_number, message); };
  const std::string_view kind = trim(fields[0]);
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
  auto require_text = [&](std::size_t i) {
    const std::string text(field(i));
    if (text.empty() || !has_word_char(text)) fail("empty alias text");
    // Matches start where a word starts, so a text that does not could never match.
    std::size_t first = 0;
    if (!is_word_char(decode_utf8(text, first))) {
      fail("'" + text + "' does not start with a letter or digit, so it could never match");
    }
    return text;
  };

  // Gives a folded text to an entity (or to nothing, for a stop phrase): a later source may take
  // it from another, the same source may not.
  auto claim = [&](std::map<std::string, PendingAlias, std::less<>>& table, PendingAlias&& claimed) {
    auto [it, inserted] = table.try_emplace(fold(claimed.text));
    PendingAlias& alias = it->second;
    if (!inserted && alias.source == source.serial && alias.entity_id != claimed.entity_id) {
      fail("'" + claimed.text + "' is already " +
           (alias.entity_id.empty() ? std::string("a stop phrase") : "an alias of " + alias.entity_id));
    }
    alias = std::move(claimed);
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
    std::vector<std::pair<std::string, std::string>> given;
    for (std::size_t i = 4; i < fields.size(); ++i) {
      const std::string_view pair = field(i);
      if (pair.empty()) continue;
      const auto equals = pair.find('=');
      if (equals == std::string_view::npos || equals == 0) {
        fail("expected key=value, found '" + std::string(pair) + "'");
      }
      given.emplace_back(std::string(pair.substr(0, equals)), std::string(pair.substr(equals + 1)));
    }
    auto [it, inserted] = entities_.try_emplace(id);
    PendingEntity& pending = it->second;
    if (!inserted && pending.source == source.serial) fail("duplicate entity id '" + id + "'");
    pending.source = source.serial;
    pending.entity.id = id;
    pending.entity.category = category;
    pending.entity.label = std::string(field(3));
    auto& attributes = pending.entity.attributes;
    for (auto& [key, value] : given) {
      const auto existing = std::find_if(attributes.begin(), attributes.end(),
                                         [&](const auto& kv) { return kv.first == key; });
      if (existing != attributes.end()) {
        existing->second = std::move(value);
      } else {
        attributes.emplace_back(std::move(key), std::move(value));
      }
    }
  } else if (kind == "alias" || kind == "stop" || kind == "capital") {
    const bool is_stop = kind == "stop";
    const std::size_t text_field = is_stop ? 1 : 2;
    // A stop may name the language whose names it keeps apart ("på svenska"): loaded only with
    // that language, so that English alone does not carry every language's stop phrases.
    const std::size_t most_fields = text_field + (is_stop ? 3 : 2);
    if (fields.size() < text_field + 1 || fields.size() > most_fields) {
      fail(is_stop ? "a stop record is: stop TEXT [RULE [LANG]]"
                   : "a" + std::string(kind == "alias" ? "n " : " ") + std::string(kind) +
                         " record is: " + std::string(kind) + " ID TEXT [RULE]");
    }
    if (is_stop && fields.size() == most_fields) {
      const std::string_view language = trim(field(3));
      if (!is_language_code(language)) {
        fail("unknown language '" + std::string(language) + "' (an ISO 639-1 code: es, ru, zh)");
      }
      if (!languages_.contains(language)) return;
    }
    std::string entity_id;
    if (!is_stop) {
      entity_id = std::string(field(1));
      require_entity(entity_id);
    }
    const std::string text = require_text(text_field);
    const CaseRule rule = rule_at(text_field + 1, is_stop ? CaseRule::any : CaseRule::name);
    claim(kind == "capital" ? capitals_ : aliases_, PendingAlias{text, entity_id, rule, source.serial, {}});
  } else if (kind == "name") {
    if (fields.size() < 4 || fields.size() > 5) fail("a name record is: name LANG ID TEXT [RULE]");
    const std::string language(field(1));
    if (!is_language_code(language)) {
      fail("bad language code '" + language + "' (ISO 639-1: two lower-case letters such as es)");
    }
    if (!languages_.contains(language)) return;
    const std::string entity_id(field(2));
    require_entity(entity_id);
    const std::string text = require_text(3);
    const CaseRule rule = rule_at(4, CaseRule::name);
    claim(aliases_, PendingAlias{text, entity_id, rule, source.serial, LanguageCode(language)});
  } else if (kind == "context") {
    if (fields.size() != 4) fail("a context record is: context TEXT not-before|not-after WORDS");
    const std::string text = require_text(1);
    std::string folded = fold(text);
    const auto alias = aliases_.find(folded);
    if (alias == aliases_.end() && !capitals_.contains(folded)) {
      // The context of a name of a language left out: the name was skipped, so is its context.
      // TEXT is compared as written, not folded: folding every skipped name would slow the
      // start-up of English alone, which skips them all.
      const auto names_text = [&](const std::vector<std::string_view>& record) {
        return trim(record[3]) == text;
      };
      if (any_skipped_name(skipped_name_records_, skipped_builtin_names_, names_text)) return;
      fail("context for '" + text + "', which is no alias");
    }
    if (alias != aliases_.end() && alias->second.entity_id.empty()) {
      fail("context for '" + text + "', which is a stop phrase: it never yields a mention");
    }
    ContextRule rule;
    rule.text = text;
    if (field(2) == "not-before") {
      rule.side = ContextSide::not_before;
    } else if (field(2) == "not-after") {
      rule.side = ContextSide::not_after;
    } else {
      fail("unknown context '" + std::string(field(2)) + "' (not-before or not-after)");
    }
    std::string_view words = field(3);
    while (!words.empty()) {
      const auto comma = words.find(',');
      const std::string_view word = trim(words.substr(0, comma));
      words = comma == std::string_view::npos ? std::string_view{} : words.substr(comma + 1);
      if (word.empty() || word == "!") fail("empty word in the context word list");
      const std::string_view bare = word.front() == '!' ? word.substr(1) : word;
      if (bare != "*" && !std::all_of(bare.begin(), bare.end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
          })) {
        fail("context word '" + std::string(word) + "' is not one word (letters and digits only)");
      }
      if (word.front() == '!') {
        rule.exceptions.emplace_back(word.substr(1));
      } else {
        rule.words.emplace_back(word);
      }
    }
    if (rule.words.empty()) fail("a context record needs at least one word (or *)");
    contexts_.push_back({std::move(rule), std::move(folded)});
  } else if (kind == "drop") {
    if (fields.size() < 2 || fields.size() > 3) fail("a drop record is: drop ID [TEXT]");
    const std::string id(field(1));
    require_entity(id);
    auto owned_by_id = [&](const auto& entry) { return entry.second.entity_id == id; };
    if (fields.size() == 2 || field(2).empty()) {
      entities_.erase(id);
      std::erase_if(aliases_, owned_by_id);
      std::erase_if(capitals_, owned_by_id);
    } else {
      const std::string key = fold(field(2));
      const auto alias = aliases_.find(key);
      const auto capital = capitals_.find(key);
      if (alias != aliases_.end() && alias->second.entity_id == id) {
        aliases_.erase(alias);
      } else if (capital != capitals_.end() && capital->second.entity_id == id) {
        capitals_.erase(capital);
      } else if (!is_skipped_name(id, key)) {
        fail(id + " has no alias or capital '" + std::string(field(2)) + "' to drop");
      }
    }
  } else {
    fail("unknown record '" + std::string(kind) + "' (entity, alias, name, stop, capital, context or drop)");
  }
}

bool GazetteerBuilder::is_skipped_name(std::string_view id, std::string_view folded_text) const {
  return any_skipped_name(skipped_name_records_, skipped_builtin_names_,
                          [&](const std::vector<std::string_view>& fields) {
                            return fields[2] == id && fold(fields[3]) == folded_text;
                          });
}

Gazetteer GazetteerBuilder::build() const {
  Gazetteer gazetteer;
  gazetteer.languages_ = languages_;
  gazetteer.entities_.reserve(entities_.size());
  for (const auto& [id, pending] : entities_) gazetteer.entities_.push_back(pending.entity);

  std::vector<std::pair<std::string_view, Alias>> aliases;
  auto add = [&](std::string_view key, const PendingAlias& pending, AliasKind kind) {
    Alias alias{pending.text, Alias::kStop, pending.rule, kind, pending.language};
    if (!pending.entity_id.empty()) {
      const auto index = gazetteer.find(pending.entity_id);
      if (!index) return;  // its entity was dropped by a later file
      alias.entity = *index;
    }
    aliases.emplace_back(key, std::move(alias));
  };
  for (const auto& [key, pending] : aliases_) add(key, pending, AliasKind::name);
  for (const auto& [key, pending] : capitals_) {
    if (!aliases_.contains(key)) add(key, pending, AliasKind::capital);  // a name always wins
  }
  std::sort(aliases.begin(), aliases.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  gazetteer.aliases_.reserve(aliases.size());
  for (auto& [key, alias] : aliases) gazetteer.aliases_.push_back(std::move(alias));

  for (const auto& pending : contexts_) {
    if (aliases_.contains(pending.folded_text) || capitals_.contains(pending.folded_text)) {
      gazetteer.contexts_.push_back(pending.rule);
    }
  }
  return gazetteer;
}

std::string_view to_string(ContextSide side) noexcept {
  return side == ContextSide::not_before ? "not-before" : "not-after";
}

void write_gazetteer_tsv(const Gazetteer& gazetteer, std::ostream& out) {
  out << "# comention gazetteer (format: data/gazetteer/FORMAT.md)\n";
  const auto& aliases = gazetteer.aliases();
  for (std::uint32_t index = 0; index < gazetteer.entities().size(); ++index) {
    const Entity& entity = gazetteer.entities()[index];
    out << "\nentity\t" << entity.id << '\t' << to_string(entity.category) << '\t' << entity.label;
    for (const auto& [key, value] : entity.attributes) out << '\t' << key << '=' << value;
    out << '\n';
    for (const Alias& alias : aliases) {
      if (alias.entity != index) continue;
      if (!alias.language.empty()) {
        out << "name\t" << alias.language.view() << '\t' << entity.id << '\t' << alias.text << '\t' << to_string(alias.rule)
            << '\n';
        continue;
      }
      out << (alias.kind == AliasKind::capital ? "capital\t" : "alias\t") << entity.id << '\t'
          << alias.text << '\t' << to_string(alias.rule) << '\n';
    }
  }
  out << '\n';
  for (const Alias& alias : aliases) {
    if (alias.entity == Alias::kStop) out << "stop\t" << alias.text << '\t' << to_string(alias.rule) << '\n';
  }
  out << '\n';
  for (const ContextRule& rule : gazetteer.contexts()) {
    out << "context\t" << rule.text << '\t' << to_string(rule.side) << '\t';
    const char* separator = "";
    for (const auto& word : rule.words) {
      out << separator << word;
      separator = ",";
    }
    for (const auto& word : rule.exceptions) {
      out << separator << '!' << word;
      separator = ",";
    }
    out << '\n';
  }
}

}  // namespace comention
