// Which languages a document is written in, so that a name fires only in a text of its language.
//
//   const comention::DetectedLanguages found = comention::detect_languages("El Gobierno de España ...");
//   // found.primary == language_index("es"), found.languages has the es bit
//   matcher.find_mentions(text, scratch, mentions, found.active());
//
// Detection is CLD2's (Debian's libcld2), on at most the first kDetectionPrefix bytes of a text.
#pragma once

#include <cstddef>
#include <string_view>

#include "comention/gazetteer.hpp"
#include "comention/matcher.hpp"

namespace comention {

// Enough text for a confident answer, however long the document: detection costs time in
// proportion to the bytes read.
inline constexpr std::size_t kDetectionPrefix = 1024;

// A language must hold this share (percent) of a text to count, the main one excepted.
inline constexpr int kMinimumShare = 20;

// The languages written in a script other than Latin: their names look like no English word.
LanguageMask non_latin_script_languages() noexcept;

struct DetectedLanguages {
  // The languages found, within language_codes(): the main one whatever its share (when CLD2
  // knows it), then others with kMinimumShare or more, and the close neighbours CLD2 takes
  // them for (Galician for Spanish: es and pt come with gl). Empty when CLD2 cannot tell.
  LanguageMask languages = 0;
  LanguageIndex primary = kEnglish;  // the main language; English when none was found
  bool reliable = false;             // CLD2's own verdict, not acted on: short headlines are
                                     // often unreliable and still right

  // The names that may match in the text: those of its languages and English ones. When CLD2
  // cannot tell (a text of a word or two: "中国"), the names of every language not written in
  // the Latin script, which cannot be mistaken for an English word as "Island" can.
  ActiveLanguages active() const noexcept {
    return ActiveLanguages::of(languages != 0 ? languages : non_latin_script_languages(), primary);
  }
};

// Never throws: a text in no language CLD2 knows (or not UTF-8) gives an empty set.
DetectedLanguages detect_languages(std::string_view text) noexcept;

// The languages the built-in gazetteer has names in.
LanguageMask languages_with_names() noexcept;

// The languages of a text in which names of `name_languages` (other than English) were found:
// CLD2's answer where it is credible, and otherwise those languages (see language_id.cpp). What
// the pipeline asks; detect_languages is CLD2 alone.
DetectedLanguages decide_languages(std::string_view text, LanguageMask name_languages) noexcept;

// A quick look for English news, asked of every document under --languages auto with the
// English names alone at start (AllLanguagesMatcher), and before CLD2 otherwise: at least
// kEnglishShare percent of the first 64 words (within the first kDetectionPrefix bytes, and eight
// words or more) are English function words (the, of, and, said...), which other languages'
// texts hardly have. It costs a fraction of CLD2; a no means "ask further", not "not English".
inline constexpr int kEnglishShare = 10;
bool looks_english(std::string_view text) noexcept;

}  // namespace comention
