#include "comention/gazetteer.hpp"

#include <algorithm>
#include <bit>
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

LanguageSet LanguageSet::automatic() {
  LanguageSet set = all();
  set.detect_ = true;
  return set;
}

namespace {

// English, the languages of the built-in names, then more that CLD2 tells apart, so that a user's
// gazetteer may name in them: 63 in all, one bit each in a LanguageMask.
constexpr std::string_view kLanguageCodes[] = {
    "en", "ar", "bn", "de", "el", "es", "fa", "fr", "he", "hi", "id", "it", "ja", "ko", "nl", "pl",
    "pt", "ru", "sv", "sw", "tr", "uk", "ur", "vi", "zh", "af", "az", "be", "bg", "ca", "cs", "cy",
    "da", "et", "eu", "fi", "ga", "gl", "hr", "hu", "hy", "is", "ka", "kk", "lt", "lv", "mk", "ml",
    "mr", "ms", "ne", "no", "ro", "si", "sk", "sl", "sq", "sr", "ta", "te", "th", "tl", "uz"};
static_assert(std::size(kLanguageCodes) <= 63, "bit 63 of a LanguageMask is kEveryLanguage");

}  // namespace

const std::vector<std::string_view>& language_codes() noexcept {
  static const std::vector<std::string_view> codes(std::begin(kLanguageCodes), std::end(kLanguageCodes));
  return codes;
}

std::optional<LanguageIndex> language_index(std::string_view code) noexcept {
  for (std::size_t i = 0; i < std::size(kLanguageCodes); ++i) {
    if (kLanguageCodes[i] == code) return static_cast<LanguageIndex>(i);
  }
  return std::nullopt;
}

std::string_view language_code(LanguageIndex index) noexcept {
  return index < std::size(kLanguageCodes) ? kLanguageCodes[index] : std::string_view{};
}

std::string describe_languages(LanguageMask mask) {
  std::string out;
  for (std::size_t i = 0; i < std::size(kLanguageCodes); ++i) {
    if ((mask >> i & 1U) == 0) continue;
    if (!out.empty()) out += ',';
    out += kLanguageCodes[i];
  }
  if (out.empty() && (mask & kEveryLanguage) != 0) out = "*";
  return out;
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
    } else if (code == "auto") {
      set.all_ = true;
      set.detect_ = true;
    } else if (!is_language_code(code)) {
      throw UsageError(code.empty() ? std::string("empty language code in the language list")
                                    : "'" + std::string(code) +
                                          "' is no language code: give ISO 639-1 codes (two letters) such as es or fr, "
                                          "comma-separated, all or auto");
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

// A comma-separated list of a rule record; `-` stands for nothing (an ending that appends).
std::vector<std::string> split_rule_list(std::string_view list, bool dash_is_empty) {
  std::vector<std::string> items;
  while (true) {
    const auto comma = list.find(',');
    const std::string_view item = trim(list.substr(0, comma));
    items.emplace_back(dash_is_empty && item == "-" ? std::string_view{} : item);
    if (comma == std::string_view::npos) break;
    list = list.substr(comma + 1);
  }
  return items;
}

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The code point that ends text[0, end), and where it starts.
char32_t code_point_before(std::string_view text, std::size_t end, std::size_t& start) {
  start = end;
  while (start > 0) {
    --start;
    if ((static_cast<unsigned char>(text[start]) & 0xC0) != 0x80) break;
  }
  std::size_t pos = start;
  return decode_utf8(text, pos);
}

// Names are split into words at spaces: endings change each word, prefixes join the first.
std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto space = text.find(' ', start);
    words.push_back(text.substr(start, space == std::string_view::npos ? space : space - start));
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  return words;
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
  builtin_read_ = true;
  reading_builtin_ = true;
  struct Done {
    bool& flag;
    ~Done() { flag = false; }
  } done{reading_builtin_};
  for (const auto& file : detail::embedded_gazetteer_files()) {
    // names-LANG.tsv holds the names of one language: left unread unless LANG is asked for, so
    // that English alone starts as fast as before there were other languages.
    if (file.name.starts_with("names-") && file.name.ends_with(".tsv")) {
      const std::string_view language = file.name.substr(6, file.name.size() - 10);
      if (is_language_code(language)) {
        languages_seen_.emplace(language);
        // The language of --label-language is read for its labels; its names are skipped as
        // they are read.
        if (!languages_.contains(language) && language != label_language_) {
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
  if (!reading_builtin_) other_sources_read_ = true;
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
    if (line.starts_with("label\t") && !all_labels_) {
      const std::string_view rest = line.substr(6);
      const std::string_view language = rest.substr(0, rest.find('\t'));
      if (is_language_code(language)) {
        if (!label_languages_.contains(language)) label_languages_.emplace(language);  // for --label-language's check
        if (language != label_language_) continue;
      }
    }
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
  // The same text for the same entity in several languages (Portugal in en, pt, es) is one
  // alias whose languages are united; a name in every language (an `alias` record) stays one.
  auto claim = [&](std::map<std::string, PendingAlias, std::less<>>& table, PendingAlias&& claimed) {
    auto [it, inserted] = table.try_emplace(fold(claimed.text));
    PendingAlias& alias = it->second;
    if (!inserted && alias.source == source.serial && alias.entity_id != claimed.entity_id) {
      fail("'" + claimed.text + "' is already " +
           (alias.entity_id.empty() ? std::string("a stop phrase") : "an alias of " + alias.entity_id));
    }
    if (!inserted && alias.entity_id == claimed.entity_id) {
      const LanguageMask united = alias.languages | claimed.languages;
      claimed.languages = (united & kEveryLanguage) != 0 ? kEveryLanguage : united;
    }
    alias = std::move(claimed);
  };

  // The LANG field of a record: a code comention knows, or an error naming it.
  auto language_at = [&](std::size_t index) {
    const std::string language(trim(field(index)));
    if (!is_language_code(language)) {
      fail("bad language code '" + language + "' (ISO 639-1: two lower-case letters such as es)");
    }
    const auto known = language_index(language);
    if (!known) fail("language '" + language + "' is not one comention knows (" + describe_languages(kAllLanguages) + ")");
    return *known;
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
    // A stop of a language blocks names in that language's documents only, as its names match.
    LanguageMask stop_languages = kEveryLanguage;
    if (is_stop && fields.size() == most_fields) {
      const LanguageIndex language = language_at(3);
      if (!languages_.contains(language_code(language))) return;
      stop_languages = language_bit(language);
    }
    std::string entity_id;
    if (!is_stop) {
      entity_id = std::string(field(1));
      require_entity(entity_id);
    }
    const std::string text = require_text(text_field);
    const CaseRule rule = rule_at(text_field + 1, is_stop ? CaseRule::any : CaseRule::name);
    claim(kind == "capital" ? capitals_ : aliases_, PendingAlias{text, entity_id, rule, source.serial, stop_languages, false, {}});
  } else if (kind == "name" || kind == "form") {
    if (fields.size() < 4 || fields.size() > 5) {
      fail("a " + std::string(kind) + " record is: " + std::string(kind) + " LANG ID TEXT [RULE]");
    }
    const LanguageIndex language = language_at(1);
    if (!languages_.contains(language_code(language))) return;
    const std::string entity_id(field(2));
    require_entity(entity_id);
    const std::string text = require_text(3);
    const CaseRule rule = rule_at(4, CaseRule::name);
    // The same text as a language-free alias of the same entity ("Iran" in Polish) stays an
    // alias of every language; it is kept as a name of LANG only for LANG's rules to inflect.
    if (const auto held = aliases_.find(fold(text));
        held != aliases_.end() && held->second.entity_id == entity_id && held->second.languages == kEveryLanguage) {
      if (kind == "name") {
        inflection_bases_.push_back(PendingAlias{text, entity_id, rule, source.serial, language_bit(language), false, {}});
      }
      return;
    }
    claim(aliases_, PendingAlias{text, entity_id, rule, source.serial, language_bit(language), kind == "form", {}});
  } else if (kind == "ending" || kind == "prefix" || kind == "join") {
    add_inflection_record(fields, source, line_number);
  } else if (kind == "compound") {
    if (fields.size() != 4) fail("a compound record is: compound LANG TEXT ID,ID[,ID...]");
    const LanguageIndex language = language_at(1);
    if (!languages_.contains(language_code(language))) return;
    const std::string text = require_text(2);
    std::vector<std::string> ids;
    std::string_view list = field(3);
    while (!list.empty()) {
      const auto comma = list.find(',');
      const std::string id(trim(list.substr(0, comma)));
      list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
      require_entity(id);
      ids.push_back(id);
    }
    if (ids.size() < 2) fail("a compound names at least two entities");
    // One character a part, each folding to a character of a script other than ASCII: the
    // matcher gives each entity its own character's span, and texts searched as ASCII need
    // no compounds.
    std::size_t characters = 0;
    for (std::size_t pos = 0; pos < text.size(); ++characters) {
      const std::size_t start = pos;
      decode_utf8(text, pos);
      const std::string folded = fold(text.substr(start, pos - start));
      if (folded.empty() || static_cast<unsigned char>(folded[0]) < 0x80) {
        fail("compound '" + text + "': each character must be a letter of a script other than Latin");
      }
    }
    if (characters != ids.size()) {
      fail("compound '" + text + "' has " + std::to_string(characters) + " characters for " +
           std::to_string(ids.size()) + " entities: one character each");
    }
    PendingAlias pending{text, ids.front(), CaseRule::any, source.serial, language_bit(language), false, {}};
    pending.compound_ids = std::move(ids);
    claim(aliases_, std::move(pending));
  } else if (kind == "label") {
    if (fields.size() != 4) fail("a label record is: label LANG ID TEXT");
    const std::string language(language_code(language_at(1)));
    const std::string entity_id(field(2));
    require_entity(entity_id);
    if (field(3).empty()) fail("empty label");
    label_languages_.emplace(language);
    auto& labels = entities_.find(entity_id)->second.entity.labels;
    const auto existing = std::find_if(labels.begin(), labels.end(), [&](const auto& kv) { return kv.first == language; });
    if (existing != labels.end()) {
      existing->second = std::string(field(3));  // a later file's label replaces an earlier one
    } else {
      labels.emplace_back(language, std::string(field(3)));
    }
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
    fail("unknown record '" + std::string(kind) +
         "' (entity, alias, name, form, label, compound, stop, capital, context, drop, ending, prefix or join)");
  }
}

void GazetteerBuilder::add_inflection_record(const std::vector<std::string_view>& fields, const Source& source,
                                             std::size_t line_number) {
  auto fail = [&](const std::string& message) { throw InputError(source.name, line_number, message); };
  auto field = [&](std::size_t i) { return i < fields.size() ? trim(fields[i]) : std::string_view{}; };
  const std::string_view kind = trim(fields[0]);
  if (kind == "ending" && (fields.size() < 4 || fields.size() > 5)) {
    fail("an ending record is: ending LANG FROM TO[,TO...] [RULE]");
  }
  if (kind == "prefix" && fields.size() != 3) fail("a prefix record is: prefix LANG PREFIX[,PREFIX...]");
  if (kind == "join" && fields.size() != 4) fail("a join record is: join LANG END+START JOINED");
  const std::string language(field(1));
  if (!is_language_code(language)) {
    fail("bad language code '" + language + "' (ISO 639-1: two lower-case letters such as es)");
  }
  if (language == "en") fail("inflection rules are for names of other languages, not English");
  if (!languages_.contains(language)) return;
  Inflections& rules = inflections_[language];
  if (rules.line == 0) {
    rules.source = source.name;
    rules.line = line_number;
  }
  auto require_word = [&](std::string_view text, const char* what) {
    if (text.empty()) fail(std::string("empty ") + what);
    if (text.find(' ') != std::string_view::npos) fail(std::string(what) + " '" + std::string(text) + "' is not one word");
  };

  if (kind == "ending") {
    EndingRule rule;
    std::string_view from = field(2);
    if (from.starts_with('[')) {
      const auto close = from.find(']');
      if (close == std::string_view::npos) fail("unclosed letter class in '" + std::string(from) + "'");
      std::string_view letters = from.substr(1, close - 1);
      if (letters.starts_with('^')) {
        rule.negated = true;
        letters.remove_prefix(1);
      }
      std::size_t pos = 0;
      while (pos < letters.size()) rule.letters.push_back(decode_utf8(letters, pos));
      if (rule.letters.empty()) fail("empty letter class in '" + std::string(from) + "'");
      from.remove_prefix(close + 1);
    }
    if (from == "-") from = {};
    if (from.find(' ') != std::string_view::npos) fail("ending '" + std::string(from) + "' is not one word");
    rule.from = std::string(from);
    for (std::string& ending : split_rule_list(field(3), true)) {
      if (ending.find(' ') != std::string::npos) fail("ending '" + ending + "' is not one word");
      rule.endings.push_back(std::move(ending));
    }
    if (std::all_of(rule.endings.begin(), rule.endings.end(), [&](const auto& e) { return e == rule.from; })) {
      fail("an ending rule that changes nothing: every TO is FROM ('" + std::string(field(3)) + "')");
    }
    if (fields.size() == 5 && !field(4).empty()) {
      const auto names = parse_case_rule(field(4));
      if (!names || *names == CaseRule::exact) {
        fail("an ending rule applies to names of rule name or any, not '" + std::string(field(4)) + "'");
      }
      rule.names = *names;
    }
    rules.endings.push_back(std::move(rule));
  } else if (kind == "prefix") {
    for (std::string& prefix : split_rule_list(field(2), false)) {
      require_word(prefix, "prefix");
      rules.prefixes.push_back(std::move(prefix));
    }
  } else {
    const std::string_view pair = field(2);
    const auto plus = pair.find('+');
    if (plus == std::string_view::npos) fail("a join is written END+START, found '" + std::string(pair) + "'");
    JoinRule join{std::string(pair.substr(0, plus)), std::string(pair.substr(plus + 1)), std::string(field(3))};
    require_word(join.prefix_end, "prefix end");
    require_word(join.name_start, "name start");
    require_word(join.joined, "joined text");
    rules.joins.push_back(std::move(join));
  }
}

std::vector<std::string> GazetteerBuilder::inflected_forms(const PendingAlias& name, const Inflections& rules) const {
  // A cap on forms per name: a long name with many rules must not swell the trie.
  constexpr std::size_t kMaxForms = 64;
  std::vector<std::string> forms;
  auto add_form = [&](std::string form) {
    if (forms.size() < kMaxForms && form != name.text && std::find(forms.begin(), forms.end(), form) == forms.end()) {
      forms.push_back(std::move(form));
    }
  };

  // Endings: each word's alternatives, in its rule's order. Never for `exact` names (acronyms).
  if (name.rule != CaseRule::exact && !rules.endings.empty()) {
    const std::vector<std::string_view> words = split_words(name.text);
    std::vector<std::vector<std::string>> alternatives(words.size());
    std::size_t longest_list = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
      const std::string_view word = words[w];
      const EndingRule* best = nullptr;
      std::size_t best_length = 0;
      for (const EndingRule& rule : rules.endings) {
        if (rule.names != name.rule || !word.ends_with(rule.from)) continue;
        const std::size_t stem_end = word.size() - rule.from.size();
        // At least two letters of stem: a one-letter word ("и", "i") is left as it is.
        if (count_code_points(word.substr(0, stem_end)) < 2) continue;
        std::size_t length = count_code_points(rule.from);
        if (!rule.letters.empty()) {
          std::size_t start = 0;
          const char32_t before = code_point_before(word, stem_end, start);
          const bool in_class = rule.letters.find(before) != std::u32string::npos;
          if (in_class == rule.negated) continue;
          ++length;
        }
        if (best == nullptr || length > best_length) {
          best = &rule;
          best_length = length;
        }
      }
      if (best == nullptr) continue;
      const std::string_view stem = word.substr(0, word.size() - best->from.size());
      for (const std::string& ending : best->endings) alternatives[w].push_back(std::string(stem) + ending);
      longest_list = std::max(longest_list, alternatives[w].size());
    }
    auto join_words = [&](auto&& word_at) {
      std::string text;
      for (std::size_t w = 0; w < words.size(); ++w) {
        if (w > 0) text += ' ';
        text += word_at(w);
      }
      return text;
    };
    // The i-th alternative of every word together: rules that list their cases in one order make
    // words agree (Соединённых Штатов); then each word changed alone (Vereinigten Staaten).
    for (std::size_t i = 0; i < longest_list; ++i) {
      add_form(join_words([&](std::size_t w) -> std::string_view {
        return i < alternatives[w].size() ? std::string_view(alternatives[w][i]) : words[w];
      }));
    }
    if (words.size() > 1) {
      for (std::size_t changed = 0; changed < words.size(); ++changed) {
        for (const std::string& alternative : alternatives[changed]) {
          add_form(join_words([&](std::size_t w) -> std::string_view {
            return w == changed ? std::string_view(alternative) : words[w];
          }));
        }
      }
    }
  }

  // Prefixes attach to the first word of the name and of each inflected form; a join adds the
  // contracted spelling beside the plain one, since the letters it contracts may be the name's own.
  if (!rules.prefixes.empty()) {
    const std::size_t inflected = forms.size();
    for (std::size_t f = 0; f <= inflected; ++f) {
      const std::string base = f == inflected ? name.text : forms[f];
      for (const std::string& prefix : rules.prefixes) {
        add_form(prefix + base);
        for (const JoinRule& join : rules.joins) {
          if (prefix.ends_with(join.prefix_end) && base.starts_with(join.name_start)) {
            add_form(prefix.substr(0, prefix.size() - join.prefix_end.size()) + join.joined +
                     base.substr(join.name_start.size()));
          }
        }
      }
    }
  }
  return forms;
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
  gazetteer.builtin_only_ = builtin_read_ && !other_sources_read_;
  gazetteer.entities_.reserve(entities_.size());
  for (const auto& [id, pending] : entities_) {
    gazetteer.entities_.push_back(pending.entity);
    if (label_language_.empty()) continue;
    for (const auto& [language, label] : pending.entity.labels) {
      if (language == label_language_) gazetteer.entities_.back().label = label;
    }
  }

  std::vector<std::pair<std::string_view, Alias>> aliases;
  auto add = [&](std::string_view key, const PendingAlias& pending, AliasKind kind) {
    Alias alias{pending.text, Alias::kStop, pending.rule, kind, pending.languages, {}};
    if (!pending.entity_id.empty()) {
      const auto index = gazetteer.find(pending.entity_id);
      if (!index) return;  // its entity was dropped by a later file
      alias.entity = *index;
    }
    for (const std::string& id : pending.compound_ids) {
      const auto index = gazetteer.find(id);
      if (!index) return;  // one of its entities was dropped by a later file
      alias.kind = AliasKind::compound;
      alias.compound.push_back(*index);
    }
    aliases.emplace_back(key, std::move(alias));
  };
  for (const auto& [key, pending] : aliases_) add(key, pending, AliasKind::name);

  // Inflected and prefixed forms of the names of languages with rules: names of that language as
  // any other, but a text already taken (a name, a stop phrase, a capital) keeps its owner, and a
  // form two entities' names both give is dropped as ambiguous.
  std::map<std::string, PendingAlias, std::less<>> forms;
  std::set<std::string, std::less<>> ambiguous;
  std::set<std::string_view> languages_applied;
  auto expand = [&](const PendingAlias& pending) {
    if (pending.entity_id.empty() || pending.languages == kEveryLanguage || pending.is_form ||
        !pending.compound_ids.empty()) {
      return;  // a compound (中美) inflected would name its first entity alone
    }
    // A text that is a name in several languages takes the rules of each.
    for (LanguageIndex language = 0; language < language_codes().size(); ++language) {
      const LanguageMask bit = language_bit(language);
      if ((pending.languages & bit) == 0) continue;
      const auto rules = inflections_.find(language_code(language));
      if (rules == inflections_.end()) continue;
      languages_applied.insert(rules->first);
      for (std::string& form : inflected_forms(pending, rules->second)) {
        std::string folded = fold(form);
        if (aliases_.contains(folded) || capitals_.contains(folded) || ambiguous.contains(folded)) continue;
        auto [it, inserted] = forms.try_emplace(std::move(folded));
        if (!inserted) {
          if (it->second.entity_id != pending.entity_id) {
            ambiguous.insert(it->first);
            forms.erase(it);
          } else {
            it->second.languages |= bit;  // the same form of the same name in another language
          }
          continue;
        }
        it->second = PendingAlias{std::move(form), pending.entity_id, pending.rule, pending.source, bit, false, {}};
      }
    }
  };
  if (!inflections_.empty()) {
    for (const auto& [key, pending] : aliases_) expand(pending);
    for (const PendingAlias& base : inflection_bases_) {
      // A base whose alias was dropped or given to another entity since has nothing to inflect.
      const auto held = aliases_.find(fold(base.text));
      if (held != aliases_.end() && held->second.entity_id == base.entity_id) expand(base);
    }
  }
  for (const auto& [language, rules] : inflections_) {
    if (!languages_applied.contains(language)) {
      throw InputError(rules.source, rules.line,
                       "inflection rules of language '" + language + "' but no name of it to apply to");
    }
  }
  for (const auto& [key, pending] : forms) add(key, pending, AliasKind::name);
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
    for (const auto& [language, label] : entity.labels) {
      out << "label\t" << language << '\t' << entity.id << '\t' << label << '\n';
    }
    for (const Alias& alias : aliases) {
      if (alias.entity != index) continue;
      if (alias.kind == AliasKind::compound) continue;  // after every entity it names
      if (alias.languages != kEveryLanguage) {  // one `name` record per language: read back, they unite
        for (LanguageIndex i = 0; i < language_codes().size(); ++i) {
          if ((alias.languages & language_bit(i)) == 0) continue;
          out << "name\t" << language_code(i) << '\t' << entity.id << '\t' << alias.text << '\t'
              << to_string(alias.rule) << '\n';
        }
        continue;
      }
      out << (alias.kind == AliasKind::capital ? "capital\t" : "alias\t") << entity.id << '\t'
          << alias.text << '\t' << to_string(alias.rule) << '\n';
    }
  }
  out << '\n';
  for (const Alias& alias : aliases) {
    if (alias.kind != AliasKind::compound) continue;
    // One record per language, as for names: read back, they unite (中日 is zh and ja).
    for (LanguageIndex language = 0; language < language_codes().size(); ++language) {
      if ((alias.languages & language_bit(language)) == 0) continue;
      out << "compound\t" << language_code(language) << '\t' << alias.text << '\t';
      for (std::size_t i = 0; i < alias.compound.size(); ++i) {
        out << (i == 0 ? "" : ",") << gazetteer.entities()[alias.compound[i]].id;
      }
      out << '\n';
    }
  }
  for (const Alias& alias : aliases) {
    if (alias.entity != Alias::kStop) continue;
    if (alias.languages == kEveryLanguage) {
      out << "stop\t" << alias.text << '\t' << to_string(alias.rule) << '\n';
      continue;
    }
    for (LanguageIndex language = 0; language < language_codes().size(); ++language) {  // as names
      if ((alias.languages & language_bit(language)) == 0) continue;
      out << "stop\t" << alias.text << '\t' << to_string(alias.rule) << '\t' << language_code(language) << '\n';
    }
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
