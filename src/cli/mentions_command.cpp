#include <iostream>
#include <optional>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "comention/gazetteer.hpp"
#include "comention/output.hpp"
#include "comention/pipeline.hpp"
#include "comention/reader.hpp"
#include "options.hpp"

namespace comention::cli {

int run_mentions(const std::vector<std::string>& args) {
  const MentionsOptions options = parse_mentions_options(args);
  if (options.help) {
    std::cout << kMentionsHelp;
    return 0;
  }

  const Gazetteer gazetteer = load_startup_gazetteer(options.input.gazetteer);
  const Matcher matcher = Matcher::of(gazetteer, options.input.match);
  const bool detects = options.input.gazetteer.languages.detects();
  std::optional<AllLanguagesMatcher> all_languages;
  if (detects && !gazetteer.languages().detects()) {
    all_languages.emplace([languages = options.input.gazetteer] { return load_gazetteer(languages); },
                          gazetteer, options.input.match);
  }
  DocumentReader reader(options.input.inputs, options.input.reader);
  AtomicOutput output(options.output);
  std::ostream& out = output.stream();

  // Each line says the document's languages, so with auto every document is identified, not
  // only those with names outside English as when counting.
  DocumentAnalyzer analyzer(matcher, false, detects ? LanguageDetection::always : LanguageDetection::off,
                            all_languages ? &*all_languages : nullptr);
  Document document;
  nlohmann::ordered_json line = nlohmann::ordered_json::object();
  nlohmann::ordered_json text_line = nlohmann::ordered_json::object();
  while (reader.next(document)) {
    const AnalyzedDocument& analyzed = analyzer.analyze(document.text);
    // Detected languages, the main one first; none when --languages gave a list.
    nlohmann::ordered_json languages = nlohmann::ordered_json::array();
    if (analyzed.detected && analyzed.languages.languages != 0) {
      languages.push_back(language_code(analyzed.languages.primary));
      for (LanguageIndex i = 0; i < language_codes().size(); ++i) {
        if (i != analyzed.languages.primary && (analyzed.languages.languages & language_bit(i)) != 0) {
          languages.push_back(language_code(i));
        }
      }
    }
    if (options.with_text) {
      text_line["document"] = document.id;
      text_line["title"] = document.title;
      text_line["text"] = document.text;
      text_line["languages"] = languages;
      out << text_line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    }
    for (const Mention& mention : analyzed.mentions) {
      const Entity& entity = gazetteer.entities()[mention.entity];
      line["doc"] = document.id;
      line["start"] = mention.start;
      line["end"] = mention.end;
      line["text"] = document.text.substr(mention.start, mention.end - mention.start);
      line["entity"] = entity.id;
      line["category"] = to_string(entity.category);
      line["paragraph"] = mention.paragraph;
      line["sentence"] = mention.sentence;
      line["language"] = language_code(mention.language);
      line["document_languages"] = languages;
      // A document id is a path as given for text files, and paths need not be UTF-8.
      out << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    }
  }
  // Before the output is put in place: a misspelt field leaves nothing behind.
  check_named_fields(reader.field_counts(), reader.options());
  output.commit();
  for (const std::string& note : read_notes(reader)) std::cerr << "comention: " << note << '\n';
  return 0;
}

}  // namespace comention::cli
