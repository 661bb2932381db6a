// Synthetic news text for the micro benchmarks: original paragraphs in the style of wire copy,
// with country and organization names rotated through them, so that every run measures the same
// bytes. It mixes plain ASCII with what real feeds carry: typographic quotes and apostrophes
// (’ “ ”), accented names (Côte d’Ivoire, Türkiye, Curaçao), abbreviations that must not end a
// sentence (Mr., U.S., Feb.), capitals, acronyms and words that only look like names.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace comention_bench {

// Slots: {A} {B} {C} are countries or organizations, {D} a demonym, {P} a capital city.
inline constexpr std::array<std::string_view, 14> kParagraphs = {
    "Officials from {A} and {B} met in Geneva on Tuesday to discuss a proposed framework on "
    "grain exports, according to a statement released after the talks. “We made progress, but "
    "there is still work to do,” said Mr. Okafor, a senior negotiator, adding that {C} had asked "
    "to join the next round.",

    "The {D} foreign ministry said it would “closely follow” the situation. A spokesperson in "
    "{P} declined to comment on reports that the delegation had left early, saying only that the "
    "minister’s schedule had changed at short notice.",

    "Trade between {A} and {B} rose 4.2 per cent in the first quarter, customs data showed, led "
    "by shipments of machinery, soybeans and liquefied natural gas. Analysts at the World Bank "
    "expect growth to slow in the second half as demand from {C} weakens.",

    "Dr. Hélène Moreau, who leads the WHO’s regional office, told reporters that vaccination "
    "rates in {A} had improved since Feb. 3 but remained below target. She said teams from the "
    "United Nations and {B} were helping to distribute supplies to remote districts.",

    "Shares in Asian markets fell on Monday after figures from {A} pointed to weaker factory "
    "output. The index closed 1.8% lower; traders said investors were waiting for the central "
    "bank’s decision on Thursday and for new data from {B}.",

    "“This is not a question of sovereignty,” the ambassador of {A} said at the U.N. Security "
    "Council, “but of keeping our commitments.” The {D} envoy replied that {B} had never "
    "accepted the 2019 agreement, a claim rejected by {C}.",

    "Flooding has displaced more than 12,000 people in the north of {A}, the Red Cross said, "
    "and roads to three provinces remain closed. Rescue teams from {B} arrived on Sunday with "
    "boats, water pumps and field hospitals.",

    "The European Union agreed to extend its support programme for {A} by two years, a "
    "diplomat in Brussels said. The deal, worth €1.4bn, still needs approval from the "
    "parliaments of member states, including {B} and {C}.",

    "Georgia’s governor signed the bill on Friday. Separately, in the Caucasus, officials in "
    "Tbilisi said talks with {A} on a new rail link were “constructive” and would continue in "
    "{P} next month.",

    "Ms. Tanaka, an economist at a bank in Tokyo, said the yen’s fall reflected expectations "
    "that rates in the U.S. would stay high. “Markets are pricing in a long pause,” she said. "
    "Exporters in {A} and {B} have benefited from the weaker currency.",

    "Representatives of the African Union, the IMF and {A} will meet in Addis Ababa to review "
    "the debt restructuring. A {D} official, speaking on condition of anonymity, said the "
    "talks could take “weeks rather than days.”",

    "Police in {A} arrested four people suspected of smuggling fuel across the border with {B}, "
    "state media reported. The suspects, aged 24 to 51, were detained near the port after a "
    "tip-off from customs officers.",

    "The summit’s final communiqué, signed by {A}, {B}, {C} and eleven other states, calls for "
    "a ceasefire, the release of prisoners and the return of displaced families. It makes no "
    "mention of sanctions, which {D} negotiators had opposed.",

    "Weather permitting, the launch from the coast of {A} is planned for 06:30 local time. "
    "Engineers from {B} built the satellite’s solar panels; its data will be shared with "
    "research institutes in {C} and São Paulo.",
};

struct Place {
  std::string_view name;
  std::string_view demonym;
  std::string_view capital;
};

inline constexpr std::array<Place, 24> kPlaces = {{
    {"China", "Chinese", "Beijing"},
    {"the United States", "American", "Washington"},
    {"Iran", "Iranian", "Tehran"},
    {"Germany", "German", "Berlin"},
    {"Côte d’Ivoire", "Ivorian", "Yamoussoukro"},
    {"Türkiye", "Turkish", "Ankara"},
    {"Brazil", "Brazilian", "Brasília"},
    {"Japan", "Japanese", "Tokyo"},
    {"Nigeria", "Nigerian", "Abuja"},
    {"France", "French", "Paris"},
    {"Curaçao", "Curaçaoan", "Willemstad"},
    {"India", "Indian", "New Delhi"},
    {"Colombia", "Colombian", "Bogotá"},
    {"South Africa", "South African", "Pretoria"},
    {"Viet Nam", "Vietnamese", "Hanoi"},
    {"Mexico", "Mexican", "Mexico City"},
    {"Kenya", "Kenyan", "Nairobi"},
    {"Ukraine", "Ukrainian", "Kyiv"},
    {"Indonesia", "Indonesian", "Jakarta"},
    {"Saudi Arabia", "Saudi", "Riyadh"},
    {"Réunion", "Réunionese", "Saint-Denis"},
    {"Peru", "Peruvian", "Lima"},
    {"Ethiopia", "Ethiopian", "Addis Ababa"},
    {"Canada", "Canadian", "Ottawa"},
}};

inline constexpr std::array<std::string_view, 10> kHeadlines = {
    "Talks on grain exports resume",
    "Markets slip on weak factory data",
    "Flood relief effort widens",
    "Envoys trade accusations at Security Council",
    "Vaccination drive gathers pace",
    "Debt talks set for next month",
    "Border smuggling ring broken up, police say",
    "Summit calls for ceasefire",
    "Satellite launch planned for Thursday",
    "Currency slide lifts exporters",
};

// Fills the slots of one paragraph; `seed` picks the places, so consecutive paragraphs differ.
inline std::string fill_paragraph(std::string_view paragraph, std::size_t seed) {
  const Place& a = kPlaces[seed % kPlaces.size()];
  const Place& b = kPlaces[(seed * 7 + 3) % kPlaces.size()];
  const Place& c = kPlaces[(seed * 11 + 5) % kPlaces.size()];
  std::string out;
  out.reserve(paragraph.size() + 64);
  for (std::size_t i = 0; i < paragraph.size(); ++i) {
    if (paragraph[i] == '{' && i + 2 < paragraph.size() && paragraph[i + 2] == '}') {
      switch (paragraph[i + 1]) {
        case 'A': out += a.name; break;
        case 'B': out += b.name; break;
        case 'C': out += c.name; break;
        case 'D': out += a.demonym; break;
        case 'P': out += a.capital; break;
        default: out.append(paragraph.substr(i, 3)); break;
      }
      i += 2;
    } else {
      out += paragraph[i];
    }
  }
  return out;
}

// Articles of a headline and four to seven paragraphs separated by blank lines (2 to 4 KB each,
// the size of a wire story), together at least `min_bytes` long.
inline std::vector<std::string> make_articles(std::size_t min_bytes) {
  std::vector<std::string> articles;
  std::size_t total = 0;
  std::size_t paragraph_serial = 0;
  for (std::size_t article = 0; total < min_bytes; ++article) {
    std::string text(kHeadlines[article % kHeadlines.size()]);
    const std::size_t paragraph_count = 4 + article % 4;
    for (std::size_t p = 0; p < paragraph_count; ++p, ++paragraph_serial) {
      text += "\n\n";
      text += fill_paragraph(kParagraphs[(paragraph_serial * 5) % kParagraphs.size()],
                             paragraph_serial);
    }
    text += '\n';
    total += text.size();
    articles.push_back(std::move(text));
  }
  return articles;
}

inline constexpr std::size_t kTextBytes = 100 * 1000;

// The articles of about 100 KB, built once.
inline const std::vector<std::string>& news_articles() {
  static const std::vector<std::string> articles = make_articles(kTextBytes);
  return articles;
}

// The same articles as one text, separated by blank lines.
inline const std::string& news_text() {
  static const std::string text = [] {
    std::string joined;
    for (const auto& article : news_articles()) {
      joined += article;
      joined += '\n';
    }
    return joined;
  }();
  return text;
}

}  // namespace comention_bench
