// CLD2's types stay in this file.
#include "comention/language_id.hpp"

// compact_lang_det.h uses FILE without including its header.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>  // with internal/lang_script.h: CLD2::LanguageCode
#include <cld2/public/encodings.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace comention {
namespace {

// Our code for a CLD2 language: its ISO 639-1 code, with CLD2's older or finer codes mapped
// ("iw" for Hebrew, "zh-Hant" for Chinese in traditional characters).
std::optional<LanguageIndex> index_of(CLD2::Language language) noexcept {
  if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) return std::nullopt;
  const char* code = CLD2::LanguageCode(language);
  if (code == nullptr) return std::nullopt;
  std::string_view view(code);
  view = view.substr(0, view.find('-'));
  if (view == "iw") view = "he";
  if (view == "nb" || view == "nn") view = "no";
  return language_index(view);
}

LanguageMask mask_of(std::initializer_list<std::string_view> codes) noexcept {
  LanguageMask mask = 0;
  for (const std::string_view code : codes) {
    if (const auto index = language_index(code)) mask |= language_bit(*index);
  }
  return mask;
}

// Languages CLD2 takes for one another on short texts (Spanish news as Galician, Indonesian as
// Malay, a few Han characters as Japanese): each brings the others' names along. Their names of
// countries are mostly the same.
LanguageMask with_neighbours(LanguageMask found) noexcept {
  static const LanguageMask groups[] = {
      mask_of({"es", "gl", "pt", "ca"}), mask_of({"id", "ms"}), mask_of({"da", "no", "sv"}),
      mask_of({"cs", "sk"}), mask_of({"hr", "sr"}), mask_of({"ru", "uk", "be", "bg"}), mask_of({"zh", "ja"}),
  };
  LanguageMask out = found;
  for (const LanguageMask group : groups) {
    if ((found & group) != 0) out |= group;
  }
  return out;
}

// The longest prefix of at most `limit` bytes that does not cut a UTF-8 character in two.
std::size_t character_boundary(std::string_view text, std::size_t limit) noexcept {
  if (text.size() <= limit) return text.size();
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
  return end;
}

}  // namespace

namespace {

// The first words tell as well as the whole kilobyte, and every document of a corpus is asked:
// reading stops after this many.
constexpr int kMostWords = 64;
// A text of fewer words is never taken for English by its function words alone.
constexpr int kLeastWords = 8;

// The words of the first kDetectionPrefix bytes of text, and how many are English function words.
struct WordCount {
  int words = 0;
  int english = 0;
};

// Up to five lower-case ASCII letters in one integer, for comparing words without memcmp.
constexpr std::uint64_t pack_word(std::string_view word) noexcept {
  std::uint64_t packed = 0;
  for (std::size_t i = 0; i < word.size(); ++i) packed |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
  return packed;
}

// Bytes that belong to words: ASCII letters, and every byte of a character that is not ASCII.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> table{};
  for (unsigned c = 0; c < 256; ++c) table[c] = c >= 0x80 || ((c | 0x20U) >= 'a' && (c | 0x20U) <= 'z');
  return table;
}();

// Words of English grammar that are no common word in the other languages of news: not "is",
// "was" or "had" (Dutch), "will" (German), "for" (Danish, Norwegian), "on" (French).
constexpr std::string_view kFunctionWords[] = {"the", "of", "and", "to", "were", "has", "have", "said", "that",
                                               "with", "from", "by", "its", "which", "would", "but", "this"};

// The function words by a hash of their packed letters, one a slot and the others 0 (no word
// packs to 0): a word is looked up with one multiplication and one comparison, not seventeen.
struct FunctionWordTable {
  static constexpr unsigned kSlotBits = 7;
  std::uint64_t multiplier = 0;
  std::array<std::uint64_t, std::size_t{1} << kSlotBits> slots{};

  constexpr unsigned slot_of(std::uint64_t packed) const noexcept {
    return static_cast<unsigned>((packed * multiplier) >> (64 - kSlotBits));
  }
  constexpr bool contains(std::uint64_t packed) const noexcept { return slots[slot_of(packed)] == packed; }
};

// The first multiplier of the golden ratio's odd multiples that gives every function word a slot
// of its own (found when compiling).
constexpr FunctionWordTable kFunctionWordTable = [] {
  for (std::uint64_t k = 1;; k += 2) {
    const std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL * k;
    FunctionWordTable table;
    table.multiplier = multiplier;
    bool distinct = true;
    for (const std::string_view word : kFunctionWords) {
      std::uint64_t& slot = table.slots[table.slot_of(pack_word(word))];
      if (slot != 0) distinct = false;
      slot = pack_word(word);
    }
    if (distinct) return table;
  }
}();

// Reading stops early once `enough` function words are among at least `least_words` words: the
// callers' answers cannot change past that point.
WordCount count_english_words(std::string_view text, int enough = INT32_MAX, int least_words = 0) noexcept {
  const std::size_t size = character_boundary(text, kDetectionPrefix);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  int words = 0;
  int english = 0;
  std::size_t pos = 0;
  while (pos < size && words < kMostWords && (english < enough || words < least_words)) {
    while (pos < size && !kWordBytes[bytes[pos]]) ++pos;
    if (pos == size) break;
    const std::size_t start = pos;
    // The first five bytes, lower-cased (a byte of a character that is not ASCII never matches).
    const std::size_t packed_end = std::min(size, start + 5);
    std::uint64_t packed = 0;
    for (; pos < packed_end && kWordBytes[bytes[pos]]; ++pos) {
      packed |= std::uint64_t{static_cast<unsigned char>(bytes[pos] | 0x20U)} << (8 * (pos - start));
    }
    const bool longer = pos < size && kWordBytes[bytes[pos]];  // no function word is
    while (pos < size && kWordBytes[bytes[pos]]) ++pos;
    ++words;
    if (!longer && kFunctionWordTable.contains(packed)) ++english;
  }
  return {words, english};
}

}  // namespace

bool looks_english(std::string_view text) noexcept {
  // With this many function words among eight words or more, the share holds whatever follows,
  // since at most kMostWords are read: English news gets there within its first 20 to 30 words.
  constexpr int kEnough = (kMostWords * kEnglishShare + 99) / 100;
  const WordCount count = count_english_words(text, kEnough, kLeastWords);
  return count.words >= kLeastWords && count.english * 100 >= count.words * kEnglishShare;
}

LanguageMask non_latin_script_languages() noexcept {
  static const LanguageMask mask = mask_of({"ar", "bn", "el", "fa", "he", "hi", "ja", "ko", "ru", "uk", "ur", "zh",
                                            "be", "bg", "hy", "ka", "kk", "mk", "ml", "mr", "ne", "si", "sr",
                                            "ta", "te", "th"});
  return mask;
}

DetectedLanguages detect_languages(std::string_view text) noexcept {
  DetectedLanguages found;
  std::size_t size = character_boundary(text, kDetectionPrefix);
  CLD2::Language languages[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE};
  int percents[3] = {0, 0, 0};
  double scores[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  for (int attempt = 0; attempt < 2; ++attempt) {
    int valid = 0;
    // Best effort: a headline of a few words is otherwise "unknown", and its guess is mostly right.
    CLD2::ExtDetectLanguageSummaryCheckUTF8(text.data(), static_cast<int>(size), true, &hints,
                                            CLD2::kCLDFlagBestEffort, languages,
                                            percents, scores, nullptr, &text_bytes, &reliable, &valid);
    // Bad UTF-8 stops CLD2 at once: then what comes before it is asked.
    if (static_cast<std::size_t>(valid) >= size || valid <= 0) break;
    size = static_cast<std::size_t>(valid);
  }
  found.reliable = reliable;
  for (int i = 0; i < 3; ++i) {
    const auto index = index_of(languages[i]);
    if (!index) continue;
    const bool counts = found.languages == 0 || percents[i] >= kMinimumShare;
    if (!counts) continue;
    if (found.languages == 0) found.primary = *index;
    found.languages |= language_bit(*index);
  }
  found.languages = with_neighbours(found.languages);
  return found;
}

LanguageMask languages_with_names() noexcept {
  static const LanguageMask mask = mask_of({"ar", "bn", "de", "el", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja",
                                            "ko", "nl", "pl", "pt", "ru", "sv", "sw", "tr", "uk", "ur", "vi", "zh"});
  return mask;
}

DetectedLanguages decide_languages(std::string_view text, LanguageMask name_languages) noexcept {
  name_languages &= (LanguageMask{1} << language_codes().size()) - 1;  // kEveryLanguage is none
  DetectedLanguages found = detect_languages(text);
  if (name_languages == 0) return found;
  // CLD2 is often wrong on a sentence or two: "Die Resolution der Vereinten Nationen scheiterte."
  // is English to it, "A Inglaterra venceu a Holanda." Uzbek. Its answer stands when it is
  // English and the text has an English function word (or is all capitals, as English wire
  // headlines are), or when it is a language some name found in the text is a name in;
  // otherwise, or when it cannot tell, the languages of the names found decide.
  bool trusted = false;
  if (found.languages != 0) {
    if (found.primary == kEnglish) {
      const bool has_lower_case = std::any_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(
                                                  character_boundary(text, kDetectionPrefix)),
                                              [](char c) { return c >= 'a' && c <= 'z'; });
      trusted = !has_lower_case || count_english_words(text, 1).english > 0;
    } else {
      // A name found is often a name in several languages (Cina: Italian and Indonesian), and
      // name_languages holds only the first of each: a reliable answer in a language that has
      // names of its own stands as well.
      trusted = (found.languages & name_languages) != 0 ||
                (found.reliable && (language_bit(found.primary) & languages_with_names()) != 0);
    }
  }
  if (trusted) return found;
  found.languages = with_neighbours(name_languages);
  found.primary = static_cast<LanguageIndex>(std::countr_zero(name_languages));
  return found;
}

}  // namespace comention
