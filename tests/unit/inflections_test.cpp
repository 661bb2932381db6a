// Unit tests for the inflection records of FORMAT.md (`ending`, `prefix`, `join`): their parsing
// and errors, their expansion into names of one language, and the built-in rules and demonyms of
// data/gazetteer/inflections.tsv and demonyms.tsv as the matcher finds them.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comention/error.hpp"
#include "comention/gazetteer.hpp"
#include "comention/matcher.hpp"
#include "test_support.hpp"

namespace {

using comention::Gazetteer;
using comention::GazetteerBuilder;
using comention::InputError;
using comention::LanguageSet;
using comention::testing::contains;
using Ids = std::vector<std::string>;

constexpr std::string_view kEntities =
    "entity\tRUS\tcountry\tRussia\n"
    "entity\tCHN\tcountry\tChina\n"
    "entity\tUSA\tcountry\tUnited States\n"
    "alias\tRUS\tRussia\n"
    "alias\tUSA\tUS\texact\n";

Gazetteer build_in(std::string_view languages, std::string_view records) {
  GazetteerBuilder builder(LanguageSet::parse(languages));
  builder.add_text(std::string(kEntities) + std::string(records), "rules.tsv");
  return builder.build();
}

// The alias texts of entity `id` in the gazetteer, sorted.
std::vector<std::string> texts_of(const Gazetteer& gazetteer, std::string_view id) {
  const auto index = gazetteer.find(id);
  REQUIRE(index.has_value());
  std::vector<std::string> texts;
  for (const auto& alias : gazetteer.aliases()) {
    if (alias.entity == *index) texts.push_back(alias.text);
  }
  std::sort(texts.begin(), texts.end());
  return texts;
}

bool has_text(const Gazetteer& gazetteer, std::string_view id, std::string_view text) {
  const auto texts = texts_of(gazetteer, id);
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

std::optional<InputError> error_of(std::string_view languages, std::string_view records) {
  try {
    build_in(languages, records);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

const Gazetteer& builtin_in(std::string_view list) {
  static std::map<std::string, Gazetteer, std::less<>> cache;
  if (const auto found = cache.find(list); found != cache.end()) return found->second;
  GazetteerBuilder builder(list.empty() ? LanguageSet{} : LanguageSet::parse(list));
  builder.add_builtin();
  return cache.emplace(list, builder.build()).first->second;
}

Ids ids_in(std::string_view text, std::string_view languages) {
  const Gazetteer& gazetteer = builtin_in(languages);
  const comention::Matcher matcher(gazetteer);
  comention::MatchScratch scratch;
  std::vector<comention::Mention> mentions;
  matcher.find_mentions(text, scratch, mentions);
  Ids ids;
  for (const auto& mention : mentions) ids.push_back(gazetteer.entities()[mention.entity].id);
  return ids;
}

}  // namespace

TEST_SUITE("inflections") {

TEST_CASE("ending: the longest FROM that fits a word wins, and each TO is a name of the language") {
  const Gazetteer gazetteer = build_in("ru",
                                       "name\tru\tRUS\tРоссия\n"
                                       "name\tru\tCHN\tКитай\n"
                                       "ending\tru\tя\tи,е,ю,ей,е\n"
                                       "ending\tru\tия\tии,ии,ию,ией,ии\n"
                                       "ending\tru\tй\tя,ю,й,ем,е\n");
  CHECK(texts_of(gazetteer, "RUS") == Ids{"Russia", "Россией", "России", "Россию", "Россия"});
  CHECK(texts_of(gazetteer, "CHN") == Ids{"Китае", "Китаем", "Китай", "Китаю", "Китая"});
  for (const auto& alias : gazetteer.aliases()) {
    if (alias.text == "Россией") CHECK(alias.languages == comention::language_bit(*comention::language_index("ru")));
  }
}

TEST_CASE("ending: a letter class keeps its letter, [^..] excludes, - is no letters") {
  const Gazetteer gazetteer = build_in("ru,de",
                                       "name\tru\tRUS\tИран\n"
                                       "name\tde\tCHN\tChina\n"
                                       "name\tde\tUSA\tLaos\n"
                                       "ending\tru\t[бвгдн]\tа,у,-,ом,е\n"
                                       "ending\tde\t[^sxz]\ts\n");
  CHECK(texts_of(gazetteer, "RUS") == Ids{"Russia", "Иран", "Ирана", "Иране", "Ираном", "Ирану"});
  CHECK(has_text(gazetteer, "CHN", "Chinas"));
  CHECK_FALSE(has_text(gazetteer, "USA", "Laoss"));
}

TEST_CASE("ending: the words of a name agree position by position, and change one at a time") {
  const Gazetteer gazetteer = build_in("ru,de",
                                       "name\tru\tUSA\tСоединённые Штаты\n"
                                       "ending\tru\tые\tых,ым,ые,ыми,ых\n"
                                       "ending\tru\tы\tов,ам,ы,ами,ах\n"
                                       "name\tde\tCHN\tVereinigte Staaten\n"
                                       "ending\tde\tte\tten\n"
                                       "ending\tde\t-\ts\n");
  CHECK(has_text(gazetteer, "USA", "Соединённых Штатов"));
  CHECK(has_text(gazetteer, "USA", "Соединёнными Штатами"));
  CHECK(has_text(gazetteer, "CHN", "Vereinigten Staaten"));
}

TEST_CASE("ending never applies to exact names, English aliases or another language's names") {
  const Gazetteer gazetteer = build_in("ru,uk",
                                       "name\tru\tUSA\tСША\texact\n"
                                       "name\tuk\tCHN\tКитай\n"
                                       "name\tru\tCHN\tПекин\n"
                                       "ending\tru\t-\tа\n");
  CHECK(texts_of(gazetteer, "USA") == Ids{"US", "США"});
  CHECK(texts_of(gazetteer, "RUS") == Ids{"Russia"});
  CHECK(has_text(gazetteer, "CHN", "Пекина"));
  CHECK_FALSE(has_text(gazetteer, "CHN", "Китайа"));
}

TEST_CASE("ending with RULE any applies to the any names only, and the default to the others") {
  const Gazetteer gazetteer = build_in("es",
                                       "name\tes\tCHN\tchino\tany\n"
                                       "name\tes\tRUS\tRuso\n"
                                       "ending\tes\to\ta,os,as\tany\n");
  CHECK(texts_of(gazetteer, "CHN") == Ids{"china", "chinas", "chino", "chinos"});
  CHECK(texts_of(gazetteer, "RUS") == Ids{"Ruso", "Russia"});
}

TEST_CASE("a name equal to a language-free alias of its entity stays that alias and is a base") {
  const Gazetteer gazetteer = build_in("pl", "name\tpl\tRUS\tRussia\nending\tpl\ta\ty,ę\n");
  CHECK(texts_of(gazetteer, "RUS") == Ids{"Russia", "Russiy", "Russię"});
  for (const auto& alias : gazetteer.aliases()) {
    INFO(alias.text);
    if (alias.text == "Russia") CHECK(alias.languages == comention::kEveryLanguage);
    if (alias.text == "Russiy") CHECK(alias.languages == comention::language_bit(*comention::language_index("pl")));
  }
  // Once dropped, the alias is no base: its forms go with it.
  const Gazetteer dropped = build_in(
      "pl", "name\tpl\tRUS\tRussia\nname\tpl\tCHN\tChiny\nending\tpl\ta\ty\ndrop\tRUS\tRussia\n");
  CHECK(texts_of(dropped, "RUS").empty());
}

TEST_CASE("a form record is a name the rules leave alone") {
  const Gazetteer gazetteer = build_in("pl",
                                       "name\tpl\tCHN\tChiny\n"
                                       "form\tpl\tCHN\tChinom\n"
                                       "name\tpl\tRUS\tIran\n"
                                       "ending\tpl\t[mn]\tu,em\n");
  CHECK(texts_of(gazetteer, "CHN") == Ids{"Chinom", "Chiny"});
  CHECK(texts_of(gazetteer, "RUS") == Ids{"Iran", "Iranem", "Iranu", "Russia"});
  for (const auto& alias : gazetteer.aliases()) {
    if (alias.text == "Chinom") CHECK(alias.languages == comention::language_bit(*comention::language_index("pl")));
  }
  const auto error = error_of("pl", "form\tpl\tCHN\n");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "a form record is: form LANG ID TEXT [RULE]"));
}

TEST_CASE("prefix: attached to the first word; join adds the contracted spelling") {
  const Gazetteer gazetteer = build_in("ar",
                                       "name\tar\tCHN\tالصين\n"
                                       "prefix\tar\tو,ب,ل,ول\n"
                                       "join\tar\tل+ال\tلل\n");
  CHECK(has_text(gazetteer, "CHN", "والصين"));
  CHECK(has_text(gazetteer, "CHN", "بالصين"));
  CHECK(has_text(gazetteer, "CHN", "للصين"));
  CHECK(has_text(gazetteer, "CHN", "وللصين"));
}

TEST_CASE("a form already taken keeps its owner; a form two entities give is dropped") {
  const Gazetteer gazetteer = build_in("ru",
                                       "name\tru\tRUS\tКата\n"
                                       "name\tru\tCHN\tКаты\n"
                                       "stop\tКату\n"
                                       "name\tru\tUSA\tЛиса\n"
                                       "name\tru\tCHN\tЛисо\n"
                                       "ending\tru\tа\tы,е,у\n"
                                       "ending\tru\tо\tы\n");
  CHECK(has_text(gazetteer, "CHN", "Каты"));  // a name, not RUS's genitive
  CHECK_FALSE(has_text(gazetteer, "RUS", "Каты"));
  CHECK_FALSE(has_text(gazetteer, "RUS", "Кату"));  // a stop phrase
  CHECK(has_text(gazetteer, "RUS", "Кате"));
  CHECK_FALSE(has_text(gazetteer, "USA", "Лисы"));  // Лиса and Лисо both give it
  CHECK_FALSE(has_text(gazetteer, "CHN", "Лисы"));
  CHECK(has_text(gazetteer, "USA", "Лисе"));
}

TEST_CASE("rules of a language not selected are skipped unread, and English takes none") {
  const Gazetteer gazetteer = build_in("es", "name\tru\tRUS\tРоссия\nending\tru\tия\tии\nending\tzz\tx\ty\n");
  CHECK(texts_of(gazetteer, "RUS") == Ids{"Russia"});
  const auto error = error_of("es", "ending\ten\t-\ts\n");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "rules.tsv:6"));
}

TEST_CASE("errors name the file and line: language, field count, a rule that changes nothing") {
  struct Case {
    std::string_view record;
    std::string_view says;
  };
  const Case cases[] = {
      {"ending\tRu\tя\tи\n", "bad language code 'Ru'"},
      {"ending\tru\tя\n", "an ending record is"},
      {"ending\tru\tя\tи\tany\textra\n", "an ending record is"},
      {"ending\tru\tя\tя,я\n", "changes nothing"},
      {"ending\tru\t-\t-\n", "changes nothing"},
      {"ending\tru\t[бв\tа\n", "unclosed letter class"},
      {"ending\tru\t[]\tа\n", "empty letter class"},
      {"ending\tru\tя\tи\texact\n", "not 'exact'"},
      {"prefix\tar\n", "a prefix record is"},
      {"prefix\tar\tو,,ب\n", "empty prefix"},
      {"join\tar\tلال\tلل\n", "END+START"},
  };
  for (const Case& c : cases) {
    INFO(c.record);
    const auto error = error_of("ru,ar", std::string("name\tru\tRUS\tРоссия\nname\tar\tCHN\tالصين\n") +
                                             std::string(c.record));
    REQUIRE(error.has_value());
    CHECK(error->file() == "rules.tsv");
    CHECK(error->line() == 8);
    CHECK(contains(error->what(), c.says));
  }
}

TEST_CASE("rules with no name of their language to apply to are an error at their first line") {
  const auto error = error_of("pl", "\nending\tpl\ta\ty\nending\tpl\tja\tji\n");
  REQUIRE(error.has_value());
  CHECK(error->file() == "rules.tsv");
  CHECK(error->line() == 7);
  CHECK(contains(error->what(), "no name of it"));
}

TEST_CASE("English alone is unchanged: no inflected or demonym names are loaded") {
  const Gazetteer& english = builtin_in("");
  for (const auto& alias : english.aliases()) {
    INFO(alias.text);
    CHECK(alias.languages == comention::kEveryLanguage);
  }
  CHECK(ids_in("China and Russia met; Россия и Китай", "") == Ids{"CHN", "RUS"});
}

TEST_CASE("Russian: the cases of Россия, Китай, Иран, США and two-word names") {
  const std::pair<std::string_view, Ids> sentences[] = {
      {"Делегация России прибыла в Пекин.", {"RUS"}},
      {"Санкции против России продлены.", {"RUS"}},
      {"Он вернулся в Россию в мае.", {"RUS"}},
      {"Переговоры с Россией зашли в тупик.", {"RUS"}},
      {"Выборы в России прошли спокойно.", {"RUS"}},
      {"Экспорт Китая вырос.", {"CHN"}},
      {"Москва предложила Китаю сделку.", {"CHN"}},
      {"Торговля с Китаем растёт.", {"CHN"}},
      {"Инфляция в Китае замедлилась.", {"CHN"}},
      {"Посол Ирана вызван в МИД.", {"IRN"}},
      {"Соглашение с Ираном подписано.", {"IRN"}},
      {"Санкции США против Ирана.", {"USA", "IRN"}},
      {"Президент Соединенных Штатов выступил.", {"USA"}},
      {"Делегация Южной Кореи приехала.", {"KOR"}},
      {"Посольство Египта закрыто.", {"EGY"}},
      {"Выборы в Германии и Франции.", {"DEU", "FRA"}},
  };
  for (const auto& [text, ids] : sentences) {
    INFO(text);
    CHECK(ids_in(text, "ru") == ids);
  }
}

TEST_CASE("Ukrainian: the cases of Україна, Росія, Китай and Сполучені Штати") {
  const std::pair<std::string_view, Ids> sentences[] = {
      {"Президент України виступив.", {"UKR"}},
      {"Допомога Україні зросла.", {"UKR"}},
      {"Він повернувся в Україну.", {"UKR"}},
      {"Пишаємося Україною.", {"UKR"}},
      {"Київ звинуватив Росію в обстрілі.", {"RUS"}},
      {"Санкції проти Росії посилено.", {"RUS"}},
      {"Переговори з Росією.", {"RUS"}},
      {"Посол Китаю прибув.", {"CHN"}},
      {"Президент Сполучених Штатів.", {"USA"}},
      {"Візит до Південної Кореї.", {"KOR"}},
  };
  for (const auto& [text, ids] : sentences) {
    INFO(text);
    CHECK(ids_in(text, "uk") == ids);
  }
}

TEST_CASE("Polish: regular cases by rule, irregular ones listed") {
  const std::pair<std::string_view, Ids> sentences[] = {
      {"Prezydent Polski spotkał się z premierem.", {"POL"}},
      {"W Polsce trwają wybory.", {"POL"}},
      {"Odwiedził Polskę w maju.", {"POL"}},
      {"Rozmowy z Polską trwają.", {"POL"}},
      {"Granica Ukrainy jest zamknięta.", {"UKR"}},
      {"Wojna w Ukrainie trwa.", {"UKR"}},
      {"Sankcje wobec Rosji zaostrzono.", {"RUS"}},
      {"Eksport do Niemiec spadł.", {"DEU"}},
      {"Wybory w Niemczech odbyły się w niedzielę.", {"DEU"}},
      {"Ambasador Stanów Zjednoczonych przybył.", {"USA"}},
      {"Wizyta w Stanach Zjednoczonych.", {"USA"}},
      {"Handel z Chinami rośnie.", {"CHN"}},
      {"Premier Francji i kanclerz Niemiec.", {"FRA", "DEU"}},
      {"Delegacja Iranu i Izraela.", {"IRN", "ISR"}},
      {"Ataki w Iraku.", {"IRQ"}},
      {"Rozmowy z Iranem.", {"IRN"}},
      {"Eksport do Korei Południowej.", {"KOR"}},
  };
  for (const auto& [text, ids] : sentences) {
    INFO(text);
    CHECK(ids_in(text, "pl") == ids);
  }
}

TEST_CASE("German and Swedish genitive -s, Greek genitive") {
  CHECK(ids_in("Die Wirtschaft Deutschlands wächst.", "de") == Ids{"DEU"});
  CHECK(ids_in("Frankreichs Präsident und Chinas Außenminister.", "de") == Ids{"FRA", "CHN"});
  CHECK(ids_in("Russlands Armee zog ab.", "de") == Ids{"RUS"});
  CHECK(ids_in("Irans Atomprogramm und Japans Wirtschaft.", "de") == Ids{"IRN", "JPN"});
  CHECK(ids_in("Die Prognose für die Vereinigten Staaten sinkt.", "de") == Ids{"USA"});
  CHECK(ids_in("Islands Regierung und die Islands.", "de") == Ids{});  // English words first
  CHECK(ids_in("Islands, Guineas.", "") == Ids{});
  CHECK(ids_in("Sveriges regering och Kinas ambassad.", "sv") == Ids{"SWE", "CHN"});
  CHECK(ids_in("Rysslands president besökte USA:s huvudstad.", "sv") == Ids{"RUS", "USA"});
  CHECK(ids_in("Ο πρωθυπουργός της Ελλάδας μίλησε.", "el") == Ids{"GRC"});
  CHECK(ids_in("Η κυβέρνηση της Γερμανίας και της Κίνας.", "el") == Ids{"DEU", "CHN"});
}

TEST_CASE("Turkish suffixes after an apostrophe need no rule: the apostrophe ends the name") {
  CHECK(ids_in("Türkiye'nin dış politikası değişti.", "tr") == Ids{"TUR"});
  CHECK(ids_in("Heyet ABD'ye gitti, Rusya'dan döndü.", "tr") == Ids{"USA", "RUS"});
}

TEST_CASE("Bengali case endings") {
  CHECK(ids_in("ভারতের প্রধানমন্ত্রী বক্তব্য দেন।", "bn") == Ids{"IND"});
  CHECK(ids_in("চীনের সঙ্গে আলোচনা হয়েছে।", "bn") == Ids{"CHN"});
  CHECK(ids_in("ভারতে নির্বাচন হচ্ছে।", "bn") == Ids{"IND"});
  CHECK(ids_in("রাশিয়ার প্রেসিডেন্ট।", "bn") == Ids{"RUS"});
}

TEST_CASE("Arabic and Hebrew attached prefixes") {
  CHECK(ids_in("والصين تدعم المبادرة.", "ar") == Ids{"CHN"});
  CHECK(ids_in("رحب بالصين وروسيا.", "ar") == Ids{"CHN", "RUS"});
  CHECK(ids_in("قدم دعما للصين.", "ar") == Ids{"CHN"});
  CHECK(ids_in("ובסין נערכו בחירות.", "he") == Ids{"CHN"});
  CHECK(ids_in("הוא חזר לישראל.", "he") == Ids{"ISR"});
  CHECK(ids_in("משלחת מארצות הברית הגיעה.", "he") == Ids{"USA"});
}

TEST_CASE("demonyms and adjectives in six languages, with their inflections") {
  struct Case {
    std::string_view language, text;
    Ids ids;
  };
  const Case cases[] = {
      {"es", "El Gobierno español y la economía española.", {"ESP", "ESP"}},
      {"es", "Los españoles y las españolas votan.", {"ESP", "ESP"}},
      {"es", "Empresas francesas y bancos alemanes.", {"FRA", "DEU"}},
      {"es", "Los estadounidenses y los israelíes.", {"USA", "ISR"}},
      {"fr", "Le président français et la presse française.", {"FRA", "FRA"}},
      {"fr", "Les entreprises françaises et allemandes.", {"FRA", "DEU"}},
      {"fr", "Le gouvernement allemand et les soldats allemands.", {"DEU", "DEU"}},
      {"fr", "La diplomatie chinoise et les dirigeants italiens.", {"CHN", "ITA"}},
      {"de", "Die deutsche Regierung und der deutschen Wirtschaft.", {"DEU", "DEU"}},
      {"de", "Ein deutscher Diplomat, ein deutsches Unternehmen, mit deutschem Geld.", {"DEU", "DEU", "DEU"}},
      {"de", "Die Deutschen und die französische Regierung.", {"DEU", "FRA"}},
      {"it", "Il governo italiano e la stampa italiana.", {"ITA", "ITA"}},
      {"it", "I soldati tedeschi e le aziende tedesche.", {"DEU", "DEU"}},
      {"pt", "O governo português e a economia portuguesa.", {"PRT", "PRT"}},
      {"pt", "Os alemães e as empresas brasileiras.", {"DEU", "BRA"}},
      {"ru", "Российский министр и российская делегация.", {"RUS", "RUS"}},
      {"ru", "Из российского бюджета, к российскому послу.", {"RUS", "RUS"}},
      {"ru", "С российским послом о российских компаниях.", {"RUS", "RUS"}},
      {"ru", "Американские и китайские компании.", {"USA", "CHN"}},
  };
  for (const Case& c : cases) {
    INFO(c.language, ": ", c.text);
    CHECK(ids_in(c.text, c.language) == c.ids);
  }
}

TEST_CASE("traps: a demonym as the name of a language is no mention") {
  struct Case {
    std::string_view language, text;
  };
  const Case cases[] = {
      {"es", "El presidente habla español con fluidez."},
      {"es", "La entrevista en francés y en alemán."},
      {"fr", "Le discours était en français."},
      {"de", "Das Interview wurde auf Deutsch geführt."},
      {"de", "Ins Deutsche übersetzt."},
      {"it", "Un libro scritto in italiano."},
      {"pt", "O texto está em português."},
      {"ru", "Он говорит по-русски и по-китайски."},
      {"ru", "Книга на китайском языке."},
      {"es", "Se hace el sueco."},
  };
  for (const Case& c : cases) {
    INFO(c.language, ": ", c.text);
    CHECK(ids_in(c.text, c.language).empty());
  }
  // The same words used of a country are still mentions.
  CHECK(ids_in("El pueblo español habla.", "es") == Ids{"ESP"});
  CHECK(ids_in("На китайском рынке.", "ru") == Ids{"CHN"});
}

TEST_CASE("the built-in inflection rules load for every language at once") {
  const Gazetteer& all = builtin_in("all");
  const Gazetteer& english = builtin_in("");
  CHECK(all.aliases().size() > english.aliases().size());
  CHECK(has_text(all, "RUS", "Россией"));
  CHECK(has_text(all, "UKR", "Україною"));
  CHECK(has_text(all, "POL", "Polską"));
  CHECK(has_text(all, "CHN", "للصين"));
}

}  // TEST_SUITE
