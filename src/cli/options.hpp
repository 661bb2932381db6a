// Command-line parsing for the comention subcommands. Parsing only: no file is touched here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comention/cooccurrence.hpp"
#include "comention/dates.hpp"
#include "comention/export.hpp"
#include "comention/graph.hpp"
#include "comention/matcher.hpp"
#include "comention/reader.hpp"

namespace comention::cli {

// Which gazetteer to use: the built-in one (unless switched off) and files added on top.
struct GazetteerOptions {
  bool builtin = true;
  std::vector<std::string> files;
  // --languages: whose names are loaded besides English; auto (every language, each document
  // matched with English and its own) unless the subcommand says otherwise.
  LanguageSet languages = LanguageSet::automatic();
  std::string label_language;  // --label-language: entities' labels in this language; empty: English
};

// Options every subcommand that reads documents understands.
struct InputOptions {
  std::vector<std::string> inputs;
  ReaderOptions reader;
  MatchOptions match;
  GazetteerOptions gazetteer;
};

// One file to write, its format settled from --format or its extension.
struct OutputTarget {
  std::string path;  // "-" for standard output
  OutputFormat format = OutputFormat::json;
  CsvTable csv_table = CsvTable::edges;  // for CSV
};

struct BuildOptions {
  InputOptions input;
  GraphOptions graph;  // window, weight measure, filters
  std::size_t evidence = 0;  // windows kept per edge
  // No --evidence given, but an HTML output wants some: kept for the viewer alone, so that the
  // other files of the same run are what they would be without it.
  bool evidence_for_html_only = false;
  std::uint64_t seed = 1;    // for Louvain communities
  std::optional<Slice> slice;  // count per day, week, month or year as well
  std::optional<Date> since;   // only documents dated in [since, until]
  std::optional<Date> until;
  std::vector<OutputTarget> outputs;  // a CSV output may stand for two files: nodes and edges
  ExportOptions export_options;  // --json-links, --gexf-version, --layout, --geo, --color-by
  std::size_t threads = 0;       // 0: all cores
  // Progress on standard error: nullopt follows whether it is a terminal; --progress forces it.
  std::optional<bool> progress;
  bool quiet = false;            // nothing on standard error but errors
  bool help = false;
};

struct MentionsOptions {
  InputOptions input;
  std::string output = "-";
  // A line with each document's text (for HTML and WARC, the extracted text the offsets point
  // into) before its mentions.
  bool with_text = false;
  bool help = false;
};

// `comention explain A B INPUT...`: the build options, and the two entities.
struct ExplainOptions {
  BuildOptions build;
  std::string first;
  std::string second;
};

// `comention gazetteer check|list|export`.
struct GazetteerCommandOptions {
  std::string action;               // check, list or export
  std::vector<std::string> files;   // for check: the files to validate
  GazetteerOptions gazetteer;
  bool aliases_only = false;        // export: a plain list of aliases, one a line
  std::string list_language;        // list --language CODE: show the names in that language
  std::string output = "-";
  bool help = false;
};

// All throw UsageError on an unknown option, a missing value or a bad value.
BuildOptions parse_build_options(const std::vector<std::string>& args);
MentionsOptions parse_mentions_options(const std::vector<std::string>& args);
GazetteerCommandOptions parse_gazetteer_options(const std::vector<std::string>& args);
ExplainOptions parse_explain_options(const std::vector<std::string>& args);

extern const char* const kMainHelp;
extern const char* const kBuildHelp;
extern const char* const kMentionsHelp;
extern const char* const kGazetteerHelp;
extern const char* const kExplainHelp;

}  // namespace comention::cli
