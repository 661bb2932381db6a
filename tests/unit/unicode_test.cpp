// Unit tests for folding and word boundaries beyond ASCII (text.hpp, matcher.hpp): what utf8proc
// folds, the Latin table checked against it, scripts without spaces, and compound abbreviations.
#include <doctest/doctest.h>

#include <utf8proc.h>

#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "comention/error.hpp"
#include "comention/gazetteer.hpp"
#include "comention/matcher.hpp"
#include "comention/text.hpp"

namespace {

using comention::fold;
using comention::Gazetteer;
using comention::GazetteerBuilder;
using comention::LanguageSet;
using comention::LetterCase;

std::string utf8(char32_t cp) {
  std::string out;
  comention::append_utf8(out, cp);
  return out;
}

// What utf8proc alone makes of one character: compatibility decomposition, case folding, marks
// stripped.
std::string utf8proc_fold(char32_t cp) {
  const std::string text = utf8(cp);
  utf8proc_uint8_t* result = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                      UTF8PROC_STRIPMARK);
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &result, options);
  std::string folded = length < 0 ? std::string{} : std::string(reinterpret_cast<const char*>(result), static_cast<std::size_t>(length));
  std::free(result);
  return folded;
}

const Gazetteer& builtin_in(std::string_view list) {
  static std::map<std::string, Gazetteer, std::less<>> cache;
  if (const auto found = cache.find(list); found != cache.end()) return found->second;
  GazetteerBuilder builder(list.empty() ? LanguageSet{} : LanguageSet::parse(list));
  builder.add_builtin();
  return cache.emplace(list, builder.build()).first->second;
}

struct Found {
  std::string id;
  std::string text;  // the original bytes the mention spans
  bool operator==(const Found&) const = default;
};

std::vector<Found> found_in(std::string_view text, std::string_view languages) {
  const Gazetteer& gazetteer = builtin_in(languages);
  const comention::Matcher matcher(gazetteer);
  comention::MatchScratch scratch;
  std::vector<comention::Mention> mentions;
  matcher.find_mentions(text, scratch, mentions);
  std::vector<Found> found;
  for (const auto& mention : mentions) {
    found.push_back({gazetteer.entities()[mention.entity].id, std::string(text.substr(mention.start, mention.end - mention.start))});
  }
  return found;
}

std::vector<std::string> ids_in(std::string_view text, std::string_view languages) {
  std::vector<std::string> ids;
  for (const Found& found : found_in(text, languages)) ids.push_back(found.id);
  return ids;
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<Found> {
  static String convert(const Found& found) { return (found.id + " on " + found.text).c_str(); }
};
}  // namespace doctest

TEST_SUITE("unicode") {

TEST_CASE("compatibility forms fold as the letters they stand for") {
  CHECK(fold("\xEF\xBC\xA3\xEF\xBC\xA8\xEF\xBC\xA9\xEF\xBC\xAE\xEF\xBC\xA1") == "china");  // ＣＨＩＮＡ
  CHECK(fold("\xEF\xBC\xA3\xEF\xBD\x88\xEF\xBD\x89\xEF\xBD\x8E\xEF\xBD\x81") == "china");  // Ｃｈｉｎａ
  CHECK(fold("\xEF\xAC\x81nland") == "finland");                                           // ﬁ ligature
  CHECK(comention::letter_case(U'\uFF23') == LetterCase::upper);                            // Ｃ
  CHECK(comention::letter_case(U'\uFF48') == LetterCase::lower);                            // ｈ
}

TEST_CASE("kana fold alike composed, decomposed and half-width") {
  const std::string ga = fold("\xE3\x82\xAC");                    // ガ
  CHECK(ga == fold("\xE3\x82\xAB\xE3\x82\x99"));                 // カ + combining voiced mark
  CHECK(ga == fold("\xEF\xBD\xB6\xEF\xBE\x9E"));                 // ｶﾞ
  CHECK(fold("\xE3\x82\xAB") != ga);                              // カ alone is another kana
}

TEST_CASE("a name typed decomposed folds as the composed one") {
  CHECK(fold("Co\xCC\x82te d'Ivoire") == fold("C\xC3\xB4te d'Ivoire"));
  CHECK(fold("Co\xCC\x82te d'Ivoire") == "cote d'ivoire");
}

TEST_CASE("Hangul typed as jamo folds as the precomposed syllables, with offsets into the jamo") {
  // 독일 (Germany) as NFD writes it: ᄃ ᅩ ᆨ ᄋ ᅵ ᆯ, three jamo a syllable.
  const std::string decomposed = "\xE1\x84\x83\xE1\x85\xA9\xE1\x86\xA8\xE1\x84\x8B\xE1\x85\xB5\xE1\x86\xAF";
  CHECK(fold(decomposed) == fold("\xEB\x8F\x85\xEC\x9D\xBC"));
  // A syllable without a trailing consonant (프 = ᄑ ᅳ), and a lone leading jamo left as it is.
  CHECK(fold("\xE1\x84\x91\xE1\x85\xB3") == fold("\xED\x94\x84"));
  CHECK(fold("\xE1\x84\x91") != fold("\xED\x94\x84"));
  const std::string text = "x " + decomposed + "\xEA\xB3\xBC";  // 과, a particle, precomposed
  CHECK(ids_in(text, "ko") == std::vector<std::string>{"DEU"});
  // The mention spans every jamo of its syllables, the particle too, and nothing more.
  const std::vector<Found> found = found_in(text + " x", "ko");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == decomposed + "\xEA\xB3\xBC");
  const std::vector<Found> bare = found_in(decomposed, "ko");
  REQUIRE(bare.size() == 1);
  CHECK(bare[0].text == decomposed);
  comention::FoldedText folded;
  comention::fold_text(text, folded);
  CHECK(folded.origin[2] == 2);  // the syllable starts where its first jamo does
}

TEST_CASE("Hebrew geresh and gershayim fold as the ASCII quotes they are typed as") {
  CHECK(fold("\xD7\xA0\xD7\x99\xD7\x96\xD7\xB3\xD7\xA8") == fold("\xD7\xA0\xD7\x99\xD7\x96'\xD7\xA8"));  // ניז׳ר
  CHECK(fold("\xD7\x90\xD7\xA8\xD7\x94\xD7\xB4\xD7\x91") == fold("\xD7\x90\xD7\xA8\xD7\x94\"\xD7\x91"));  // ארה״ב
}

TEST_CASE("case folding covers Greek final sigma, German sharp s and Turkish dotted and dotless i") {
  CHECK(fold("\xCF\x82") == fold("\xCF\x83"));                      // ς = σ
  CHECK(fold("\xCE\xA3") == fold("\xCF\x83"));                      // Σ = σ
  CHECK(fold("Stra\xC3\x9F" "e") == "strasse");                      // ß
  CHECK(fold("\xE1\xBA\x9E") == "ss");                               // capital ẞ
  CHECK(fold("\xC4\xB0TALYA") == "italya");                          // İTALYA
  CHECK(fold("\xC4\xB1rak") == "irak");                              // ırak
  CHECK(fold("IRAK") == fold("Irak"));
}

TEST_CASE("accents go in Latin, Greek and Cyrillic, as news writes names without them") {
  CHECK(fold("Vi\xE1\xBB\x87t Nam") == "viet nam");                                      // Việt Nam
  CHECK(fold("\xCE\x95\xCE\x9B\xCE\x9B\xCE\x91\xCE\x94\xCE\x91") ==                      // ΕΛΛΑΔΑ
        fold("\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1"));                       // Ελλάδα
  CHECK(fold("\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0") == fold("\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0"));  // Ёлка = елка
  CHECK(fold("\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xCC\x81\xD1\x8F") ==             // Росси́я (stress mark)
        fold("\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F"));
}

TEST_CASE("Cyrillic й stays apart from и, typed composed or decomposed") {
  CHECK(fold("\xD0\xB9") != fold("\xD0\xB8"));                   // й, и
  CHECK(fold("\xD0\x99") == fold("\xD0\xB9"));                   // Й = й
  CHECK(fold("\xD0\xB8\xCC\x86") == fold("\xD0\xB9"));           // и + breve = й
  CHECK(fold("\xD1\x83\xCC\x86") == fold("\xD1\x9E"));           // у + breve = ў
  CHECK(fold("\xD1\x97") != fold("\xD1\x96"));                   // Ukrainian ї is not і
}

TEST_CASE("marks that are letters stay: Indic vowel signs and viramas, Hangul syllables") {
  const std::string bharat = "\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4";  // भारत
  CHECK(fold(bharat) == bharat);
  const std::string hindi = "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80";  // हिन्दी
  CHECK(fold(hindi) == hindi);
  const std::string bangladesh = "\xE0\xA6\xAC\xE0\xA6\xBE\xE0\xA6\x82\xE0\xA6\xB2\xE0\xA6\xBE\xE0\xA6\xA6\xE0\xA7\x87\xE0\xA6\xB6";
  CHECK(fold(bangladesh) == bangladesh);
  const std::string korea = "\xED\x95\x9C\xEA\xB5\xAD";  // 한국
  CHECK(fold(korea) == korea);
  CHECK(comention::is_word_char(U'\u093E'));  // Devanagari vowel sign aa
  CHECK(comention::is_word_char(U'\u094D'));  // virama
}

TEST_CASE("Arabic harakat and tatweel and Hebrew niqqud go; Persian yeh and kaf are Arabic's") {
  CHECK(fold("\xD9\x85\xD9\x90\xD8\xB5\xD9\x92\xD8\xB1") == fold("\xD9\x85\xD8\xB5\xD8\xB1"));  // مِصْر = مصر
  CHECK(fold("\xD9\x85\xD9\x80\xD8\xB5\xD8\xB1") == fold("\xD9\x85\xD8\xB5\xD8\xB1"));          // مـصر = مصر
  CHECK(fold("\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86") == fold("\xD8\xA7\xD9\x8A\xD8\xB1\xD8\xA7\xD9\x86"));  // ایران = ايران
  CHECK(fold("\xDA\xA9") == fold("\xD9\x83"));                                                  // ک = ك
  CHECK(fold("\xD7\x99\xD6\xB4\xD7\xA9\xD6\xB0\xD7\x82\xD7\xA8\xD6\xB8\xD7\x90\xD6\xB5\xD7\x9C") ==  // יִשְׂרָאֵל
        fold("\xD7\x99\xD7\xA9\xD7\xA8\xD7\x90\xD7\x9C"));                                     // ישראל
}

TEST_CASE("the Latin table gives what utf8proc gives for every code point it covers") {
  // Letters Unicode does not decompose, which the table spells out as news does in ASCII; and two
  // compatibility forms whose decomposition holds punctuation (ŀ to l·, ŉ to ʼn).
  const std::u32string spelled_out = U"\u00C6\u00D0\u00D8\u00DE\u00E6\u00F0\u00F8\u00FE\u0110\u0111\u0126\u0127"
                                     U"\u0131\u0138\u0141\u0142\u014A\u014B\u0152\u0153\u0166\u0167";
  const std::u32string punctuated = U"\u013F\u0140\u0149";
  int compared = 0;
  for (char32_t cp = 0xC0; cp < 0x180; ++cp) {
    if (cp == 0xD7 || cp == 0xF7) continue;  // × ÷: no letters, not in the table
    CAPTURE(static_cast<std::uint32_t>(cp));
    const std::string ours = fold(utf8(cp));
    if (spelled_out.find(cp) != std::u32string::npos) {
      // utf8proc keeps it one non-ASCII letter; the table gives ASCII.
      const std::string theirs = utf8proc_fold(cp);
      CHECK(static_cast<unsigned char>(theirs[0]) >= 0x80);
      CHECK(static_cast<unsigned char>(ours[0]) < 0x80);
    } else if (punctuated.find(cp) != std::u32string::npos) {
      CHECK(utf8proc_fold(cp).find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos);
    } else {
      CHECK(ours == utf8proc_fold(cp));
      ++compared;
    }
  }
  CHECK(compared > 150);
}

TEST_CASE("letter_case knows every cased script from Unicode categories") {
  CHECK(comention::letter_case(U'\u0531') == LetterCase::upper);  // Armenian Ա
  CHECK(comention::letter_case(U'\u0561') == LetterCase::lower);  // ա
  CHECK(comention::letter_case(U'\u01CD') == LetterCase::upper);  // Ǎ
  CHECK(comention::letter_case(U'\u01CE') == LetterCase::lower);  // ǎ
  CHECK(comention::letter_case(U'\u01C5') == LetterCase::upper);  // ǅ, title case
  CHECK(comention::letter_case(U'\u0401') == LetterCase::upper);  // Ё
  CHECK(comention::letter_case(U'\u0451') == LetterCase::lower);  // ё
  CHECK(comention::letter_case(U'\u03C2') == LetterCase::lower);  // ς
  CHECK(comention::letter_case(U'\u1F08') == LetterCase::upper);  // Greek extended Ἀ
  CHECK(comention::letter_case(U'\u0627') == LetterCase::none);   // Arabic alef
}

TEST_CASE("full-width punctuation is no word character; spaceless scripts are told apart") {
  for (const char32_t cp : {U'\uFF0C', U'\uFF1A', U'\uFF1B', U'\uFF08', U'\uFF09', U'\u3001', U'\u3002'}) {
    CAPTURE(static_cast<std::uint32_t>(cp));
    CHECK_FALSE(comention::is_word_char(cp));
  }
  CHECK(comention::is_spaceless_script(U'\u4E2D'));  // 中
  CHECK(comention::is_spaceless_script(U'\u3068'));  // と
  CHECK(comention::is_spaceless_script(U'\u30A2'));  // ア
  CHECK(comention::is_spaceless_script(U'\u0E44'));  // Thai
  CHECK_FALSE(comention::is_spaceless_script(U'\uD55C'));  // Hangul: Korean has spaces
  CHECK_FALSE(comention::is_spaceless_script(U'a'));
}

TEST_CASE("names in scripts without spaces start and end next to any character of them") {
  CHECK(ids_in("\xE4\xB8\xAD\xE5\x9B\xBD\xE5\x92\x8C\xE7\xBE\x8E\xE5\x9B\xBD", "zh") ==
        std::vector<std::string>{"CHN", "USA"});  // 中国和美国
  CHECK(ids_in("\xE6\x97\xA5\xE6\x9C\xAC\xE3\x81\xA8\xE7\xB1\xB3\xE5\x9B\xBD\xE3\x81\xAE\xE9\xA6\x96\xE8\x84\xB3", "ja") ==
        std::vector<std::string>{"JPN", "USA"});  // 日本と米国の首脳
  // ドイツとロシア, the voiced ド typed decomposed (ト + U+3099): Germany, then Russia.
  CHECK(found_in("\xE3\x83\x88\xE3\x82\x99\xE3\x82\xA4\xE3\x83\x84\xE3\x81\xA8\xE3\x83\xAD\xE3\x82\xB7\xE3\x82\xA2", "ja") ==
        std::vector<Found>{{"DEU", "\xE3\x83\x88\xE3\x82\x99\xE3\x82\xA4\xE3\x83\x84"}, {"RUS", "\xE3\x83\xAD\xE3\x82\xB7\xE3\x82\xA2"}});
  CHECK(ids_in("\xE7\xBE\x8E\xE5\x9B\xBD\xE6\x80\xBB\xE7\xBB\x9F", "zh") == std::vector<std::string>{"USA"});  // 美国总统
  // Leftmost-longest: 中华人民共和国 is one mention, not 中国 inside it.
  const std::string prc = "\xE4\xB8\xAD\xE5\x8D\x8E\xE4\xBA\xBA\xE6\xB0\x91\xE5\x85\xB1\xE5\x92\x8C\xE5\x9B\xBD";
  CHECK(found_in(prc + "\xE6\x88\x90\xE7\xAB\x8B", "zh") == std::vector<Found>{{"CHN", prc}});
  // Latin names stay whole words, also next to CJK text.
  CHECK(ids_in("Nigeria \xE5\x92\x8C Niger", "zh") == std::vector<std::string>{"NGA", "NER"});
  CHECK(ids_in("\xE5\x92\x8CNigeria\xE5\x92\x8C", "zh") == std::vector<std::string>{"NGA"});
  CHECK(ids_in("\xE5\x92\x8C" "China" "\xE5\x92\x8C", "zh") == std::vector<std::string>{"CHN"});
}

TEST_CASE("a compound yields one mention per country, each on its own character") {
  const std::string zhongmei = "\xE4\xB8\xAD\xE7\xBE\x8E";  // 中美
  CHECK(found_in(zhongmei + "\xE5\x85\xB3\xE7\xB3\xBB", "zh") ==
        std::vector<Found>{{"CHN", "\xE4\xB8\xAD"}, {"USA", "\xE7\xBE\x8E"}});
  CHECK(ids_in("\xE6\x97\xA5\xE7\xB1\xB3\xE9\x96\xA2\xE4\xBF\x82", "ja") == std::vector<std::string>{"JPN", "USA"});  // 日米関係
  CHECK(ids_in("\xE7\xB1\xB3\xE4\xB8\xAD\xE5\xAF\xBE\xE7\xAB\x8B", "ja") == std::vector<std::string>{"USA", "CHN"});  // 米中対立
  CHECK(ids_in("\xE4\xB8\xAD\xE6\x97\xA5\xE9\x9F\xA9\xE5\xB3\xB0\xE4\xBC\x9A", "zh") ==                          // 中日韩峰会
        std::vector<std::string>{"CHN", "JPN", "KOR"});
  CHECK(ids_in("\xE4\xB8\xAD\xE6\xAC\xA7\xE5\x85\xB3\xE7\xB3\xBB", "zh") == std::vector<std::string>{"CHN", "EU"});  // 中欧关系
  // Loaded only with its language.
  CHECK(ids_in(zhongmei + "\xE5\x85\xB3\xE7\xB3\xBB", "").empty());
}

TEST_CASE("traps of Chinese and Japanese are no mentions") {
  CHECK(ids_in("\xE4\xB8\xAD\xE7\xBE\x8E\xE6\xB4\xB2\xE5\x9B\xBD\xE5\xAE\xB6", "zh").empty());  // 中美洲国家: Central America
  CHECK(ids_in("\xE4\xB8\xAD\xE4\xB8\x9C\xE5\xB1\x80\xE5\x8A\xBF", "zh").empty());              // 中东局势: Middle East
  CHECK(ids_in("\xE9\x9F\xA9\xE5\x9B\xBD\xE7\x91\x9C\xE8\xAF\xB4", "zh").empty());              // 韩国瑜说: a person
  CHECK(ids_in("\xE8\x8B\xB1\xE5\x9B\xBD\xE7\x9F\xB3\xE6\xB2\xB9\xE5\x85\xAC\xE5\x8F\xB8", "zh").empty());  // 英国石油公司: BP
  CHECK(ids_in("\xE7\xBE\x8E\xE5\x85\x83\xE4\xB8\x8A\xE6\xB6\xA8", "zh").empty());              // 美元上涨: the dollar
  CHECK(ids_in("\xE4\xB8\xAD\xE9\x9D\x9E\xE5\x90\x88\xE4\xBD\x9C\xE8\xAE\xBA\xE5\x9D\x9B", "zh").empty());  // 中非合作论坛
  CHECK(ids_in("\xE4\xB8\xAD\xE9\x9D\x9E\xE5\x85\xB1\xE5\x92\x8C\xE5\x9B\xBD", "zh") == std::vector<std::string>{"CAF"});
  CHECK(ids_in("\xE4\xB8\xAD\xE9\x9D\x9E\xE5\xB1\x80\xE5\x8A\xBF", "zh") == std::vector<std::string>{"CAF"});  // 中非局势
  // The heads of state of China and the US (中美元首): the compound comes first, 元首 is no currency.
  CHECK(ids_in("\xE4\xB8\xAD\xE7\xBE\x8E\xE5\x85\x83\xE9\xA6\x96", "zh") == std::vector<std::string>{"CHN", "USA"});
}

TEST_CASE("names in other scripts match whatever their case, accents and width") {
  CHECK(ids_in("\xCE\x97 \xCE\x95\xCE\x9B\xCE\x9B\xCE\x91\xCE\x94\xCE\x91 \xCE\xB6\xCE\xB7\xCF\x84\xCE\xAC", "el") ==
        std::vector<std::string>{"GRC"});  // Η ΕΛΛΑΔΑ ζητά
  CHECK(ids_in("\xEF\xBC\xA3\xEF\xBC\xA8\xEF\xBC\xA9\xEF\xBC\xAE\xEF\xBC\xA1 and Japan", "") ==
        std::vector<std::string>{"CHN", "JPN"});  // ＣＨＩＮＡ
  CHECK(ids_in("Co\xCC\x82te d'Ivoire", "") == std::vector<std::string>{"CIV"});
  // Turkish: İTALYA and IRAK in capitals, Irak as written.
  CHECK(ids_in("\xC4\xB0TALYA ve IRAK, Irak ve \xC4\xB0talya", "tr") ==
        std::vector<std::string>{"ITA", "IRQ", "IRQ", "ITA"});
  // Russian with stress marks and in capitals: РОССИ́Я, УКРАИНА.
  CHECK(ids_in("\xD0\xA0\xD0\x9E\xD0\xA1\xD0\xA1\xD0\x98\xCC\x81\xD0\xAF \xD0\xB8 \xD0\xA3\xD0\x9A\xD0\xA0\xD0\x90\xD0\x98\xD0\x9D\xD0\x90", "ru") ==
        std::vector<std::string>{"RUS", "UKR"});
  // A currency is no mention of its country (美元), nor a person (韩国瑜), while the country next
  // to them still is: 美国和美元.
  CHECK(ids_in("\xE7\xBE\x8E\xE5\x9B\xBD\xE5\x92\x8C\xE7\xBE\x8E\xE5\x85\x83", "zh") == std::vector<std::string>{"USA"});
}

TEST_CASE("compound records are checked: one character an entity, known ids, not Latin") {
  const std::string head = "entity\tCHN\tcountry\tChina\nentity\tUSA\tcountry\tUnited States\n";
  auto load = [&](const std::string& record) {
    GazetteerBuilder builder(LanguageSet::parse("zh"));
    builder.add_text(head + record, "mine.tsv");
    return builder.build();
  };
  CHECK_THROWS_WITH_AS(load("compound\tzh\t\xE4\xB8\xAD\xE7\xBE\x8E\xE6\xB4\xB2\tCHN,USA\n"),
                       doctest::Contains("mine.tsv:3"), comention::InputError);
  CHECK_THROWS_WITH_AS(load("compound\tzh\t\xE4\xB8\xAD\xE7\xBE\x8E\tCHN,XXX\n"), doctest::Contains("unknown entity id"),
                       comention::InputError);
  CHECK_THROWS_WITH_AS(load("compound\tzh\tCU\tCHN,USA\n"), doctest::Contains("other than Latin"),
                       comention::InputError);
  CHECK_THROWS_AS(load("compound\tzh\t\xE4\xB8\xAD\tCHN\n"), comention::InputError);
  // A language not loaded: skipped unread.
  GazetteerBuilder english;
  english.add_text(head + "compound\tja\t\xE4\xB8\xAD\xE7\xBE\x8E\tCHN,USA\n", "mine.tsv");
  CHECK(english.build().aliases().empty());
  // Written back as read.
  const Gazetteer gazetteer = load("compound\tzh\t\xE4\xB8\xAD\xE7\xBE\x8E\tCHN,USA\n");
  REQUIRE(gazetteer.aliases().size() == 1);
  CHECK(gazetteer.aliases()[0].kind == comention::AliasKind::compound);
  std::ostringstream written;
  comention::write_gazetteer_tsv(gazetteer, written);
  CHECK(written.str().find("compound\tzh\t\xE4\xB8\xAD\xE7\xBE\x8E\tCHN,USA\n") != std::string::npos);
  GazetteerBuilder again(LanguageSet::parse("zh"));
  again.add_text(written.str(), "written.tsv");
  CHECK(again.build().aliases().size() == 1);
}

}  // TEST_SUITE
