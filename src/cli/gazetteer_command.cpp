#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "comention/error.hpp"
#include "comention/output.hpp"
#include "options.hpp"

namespace comention::cli {
namespace {

constexpr int kExitProblems = 2;

int check(const GazetteerCommandOptions& options) {
  // Names of every language are checked, whichever --languages asks to load.
  GazetteerBuilder builder(LanguageSet::all());
  builder.keep_all_labels();
  if (options.gazetteer.builtin) builder.add_builtin();
  for (const std::string& file : options.gazetteer.files) builder.add_file(file);
  std::vector<InputError> problems;
  for (const std::string& file : options.files) {
    const std::size_t before = problems.size();
    try {
      builder.add_file(file, &problems);
    } catch (const InputError& error) {  // the file itself could not be read
      problems.push_back(error);
    }
    if (problems.size() == before) std::cout << file << ": ok\n";
  }
  for (const InputError& problem : problems) std::cerr << "comention: error: " << problem.what() << '\n';
  if (!problems.empty()) {
    std::cerr << "comention: " << problems.size() << (problems.size() == 1 ? " problem" : " problems")
              << " found\n";
    return kExitProblems;
  }
  return 0;
}

void list(const Gazetteer& gazetteer, std::ostream& out) {
  std::vector<std::vector<const Alias*>> aliases_of(gazetteer.entities().size());
  for (const Alias& alias : gazetteer.aliases()) {
    if (alias.entity != Alias::kStop) aliases_of[alias.entity].push_back(&alias);
  }
  for (std::size_t i = 0; i < gazetteer.entities().size(); ++i) {
    const Entity& entity = gazetteer.entities()[i];
    out << entity.id << '\t' << to_string(entity.category) << '\t' << entity.label << '\t';
    const char* separator = "";
    for (const Alias* alias : aliases_of[i]) {
      out << separator << alias->text
          << (alias->kind == AliasKind::capital ? " (capital)" : alias->kind == AliasKind::compound ? " (compound)" : "");
      separator = " | ";
    }
    out << '\n';
  }
}

// The names in one language, entity by entity: those that differ from the English ones (names the
// same in both are English aliases, and the English names are in `list` without --language).
void list_language(const Gazetteer& gazetteer, std::string_view language, std::ostream& out) {
  std::vector<std::vector<const Alias*>> names_of(gazetteer.entities().size());
  const auto index = language_index(language);
  const LanguageMask bit = index ? language_bit(*index) : 0;
  for (const Alias& alias : gazetteer.aliases()) {
    if (alias.entity != Alias::kStop && (alias.languages & bit) != 0) names_of[alias.entity].push_back(&alias);
  }
  for (std::size_t i = 0; i < gazetteer.entities().size(); ++i) {
    const Entity& entity = gazetteer.entities()[i];
    out << entity.id << '\t' << to_string(entity.category) << '\t' << entity.label << '\t';
    const char* separator = "";
    for (const Alias* alias : names_of[i]) {
      out << separator << alias->text;
      separator = " | ";
    }
    out << '\n';
  }
}

void export_aliases(const Gazetteer& gazetteer, std::ostream& out) {
  for (const Alias& alias : gazetteer.aliases()) {
    if (alias.entity != Alias::kStop) out << alias.text << '\n';
  }
}

}  // namespace

int run_gazetteer(const std::vector<std::string>& args) {
  const GazetteerCommandOptions options = parse_gazetteer_options(args);
  if (options.help) {
    std::cout << kGazetteerHelp;
    return 0;
  }
  if (options.action == "check") return check(options);

  const Gazetteer gazetteer = load_gazetteer(options.gazetteer);
  AtomicOutput output(options.output);
  if (options.action == "list" && !options.list_language.empty()) {
    list_language(gazetteer, options.list_language, output.stream());
  } else if (options.action == "list") {
    list(gazetteer, output.stream());
  } else if (options.aliases_only) {
    export_aliases(gazetteer, output.stream());
  } else {
    write_gazetteer_tsv(gazetteer, output.stream());
  }
  output.commit();
  return 0;
}

}  // namespace comention::cli
