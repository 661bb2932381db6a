#include "options.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "comention/error.hpp"
#include "comention/text.hpp"

namespace comention::cli {

const char* const kMainHelp = R"(comention: co-mention graphs of countries and international organizations in news text

Usage:
  comention build [OPTIONS] INPUT... [-o FILE]...   write the co-mention graph (JSON, DOT, SVG, HTML...)
  comention mentions [OPTIONS] INPUT... [-o FILE]   list every mention found, one JSON a line
  comention explain A B [OPTIONS] INPUT...          why two entities are connected
  comention gazetteer check|list|export [...]       validate, list or export gazetteers
  comention --version                               print the version
  comention COMMAND --help                          options of one command

INPUT is a text file (one document), a .jsonl file (one JSON record a line), a .json file
(JSON Lines, one record, or an array of records), a .csv or .tsv file (a header row, then one
record a row), an .html page (its article text), a .warc file (each HTML response a document),
a compressed file or an archive (.gz .xz .zst .bz2, .tar.*, .tgz, .zip: by their content, each
member read as a file), a directory (its .txt, .jsonl, .html and .warc files, compressed ones
and archives, recursively, in sorted order), or - for standard input (any of these, told by its
first bytes).
Errors print "comention: error: FILE:LINE: what is wrong" and exit with status 2.
)";

const char* const kBuildHelp = R"(Usage: comention build [OPTIONS] INPUT... [-o FILE]...

Finds every mention of a country or international organization and joins two entities named in
the same window by an edge whose weight counts those windows.

Output:
  -o, --output FILE     write the graph to FILE; repeat for several files. The format follows
                        the extension:
                          .json            node-link JSON (networkx, d3)
                          .dot, .gv        Graphviz DOT, styled
                          .svg .png .pdf   the diagram, laid out and drawn by Graphviz
                          .html            a self-contained interactive viewer
                          .graphml         GraphML (networkx, Gephi, Cytoscape), with x, y, colours
                          .gexf            GEXF (Gephi), with viz positions, colours and sizes
                          .cyjs            Cytoscape.js elements, with positions and colours
                          .graphology.json graphology, for sigma.js (with x, y from the layout)
                          .jgf.json        JSON Graph Format v2
                          .csv             CSV tables: X.csv writes X.nodes.csv and X.edges.csv;
                                           a name ending in nodes.csv or edges.csv writes that one
                        "-" is standard output. Default: JSON on standard output.
  --format NAME         format for every output, whatever its extension: json, dot, svg, png,
                        pdf, html, graphml, gexf, cyjs, graphology, jgf or csv
  --csv-table nodes|edges|both
                        the table(s) a .csv output holds when its name does not say (default
                        both; standard output takes one)
  --gexf-version 1.3|1.2draft
                        GEXF version (default 1.3; networkx 2.8 reads only 1.2draft)
  --json-links links|edges|both
                        the key of the edge list in node-link JSON: "links" (default; networkx
                        up to 3.5, d3), "edges" (networkx 3.6 and later) or both
  --graphml-graphics none|yed
                        yed adds yEd's own node and edge graphics to GraphML (shapes, colours,
                        positions, labels), so yEd opens the picture as drawn; none (default)
                        gives them as plain x, y, size and color attributes only, for Gephi
Drawing (DOT, SVG, PNG, PDF, HTML, and the positions in graphology, GEXF, GraphML, .cyjs):
  --layout neato|fdp|sfdp|circo|dot
                        the Graphviz layout engine (default neato); DOT files name it in their
                        layout attribute
  --geo                 place countries at their latitude and longitude instead (organizations
                        in rows beneath the map); DOT files then carry pos in points: neato -n
  --color-by community|region|category
                        what a node's colour tells (default community; a legend says which)
  --backbone auto|off|ALPHA
                        what DOT, SVG, PNG and PDF draw of a large graph: auto (default) draws
                        the backbone by the disparity filter once there are more than 60
                        entities or 150 ties, at most 120 entities and, where a smaller alpha
                        allows, 300 ties; ALPHA (such as 0.05) filters at that level whatever
                        the size; off draws everything. The legend says what is shown; the data
                        formats always hold the whole graph
  --splines auto|curved|straight
                        edges as curves routed around the nodes, or as straight lines; curves
                        cost minutes on a large graph, so auto (the default) curves them only
                        up to 150 ties and 60 entities
Counting and weighting:
  --window sentence|paragraph|document|tokens:N
                        the span in which two mentions count as a co-mention (default sentence);
                        tokens:N counts each pair of mentions at most N words apart
  --weight count|pmi|npmi|jaccard|dice|association
                        the edge weight (default count); the raw count stays in each edge's
                        "count" (formulas: README, Edge weights)
Filters, applied after counting:
  --min-count N         drop edges counted fewer than N times
  --min-mentions N      drop entities mentioned fewer than N times
  --top-edges K         keep each entity's K strongest edges (an edge stays if it is among the
                        K strongest of either end)
  --categories LIST     keep only these categories: country, organization (comma-separated)
  --focus ID            keep only the neighbourhood of one entity (an id or a name: CHN, china) ...
  --depth D             ... up to D edges away (default 1)
  --drop-isolates       drop entities left without edges
Measures (always in the JSON: betweenness, weighted_betweenness, pagerank, clustering, core,
community per node; density, communities, modularity for the graph):
  --seed N              seed of the Louvain community search (default 1): same seed, same result
Time:
  --date-field NAME     the field (JSON) or column (CSV) holding each document's date (ISO 8601
                        2026-03-02, 2 March 2026, March 2, 2026, 02-MAR-2026; a time after it
                        is ignored); an error when no record has it. WARC pages are dated by
                        their WARC-Date: give --date-field WARC-Date to slice by it
  --slice day|week|month|year
                        also count per period: nodes and edges get "periods" counts, the graph
                        a "periods" list; documents without a date count in the total only
  --since DATE, --until DATE
                        only documents dated in this range (both ends included)
Evidence:
  --evidence K          keep K windows of each edge (document, date, byte span, text) in the
                        JSON "evidence" list and the DOT tooltip: the earliest and the latest
                        document, then other documents sampled between; see comention explain.
                        Default 0, or 3 when an output is HTML (for the viewer alone)
  --title-field NAME    the field or column holding each document's headline, shown with its
                        evidence (default title, when a record has it; a field named here that
                        no record has is an error)
Input:
  --input-format auto|text|jsonl|json|csv|tsv|html|warc
                        how to read inputs (default auto: by the name: .jsonl JSON Lines,
                        .json JSON Lines or records or an array of records (its first byte
                        tells), .csv, .tsv, .html/.htm (the page's article text), .warc (each
                        HTML response a document, dated by its WARC-Date), .txt and any other
                        name text; standard input by its first bytes). Compressed files and
                        archives are known by their content whatever the name or this option,
                        which then applies to their members
  --id-field NAME       the field or column holding the document id (default id; without one,
                        FILE:LINE)
  --text-field NAME     the field or column holding the text (default text)
Matching:
  --ignore-case         let names match in any case, for lower-cased corpora; acronyms (US,
                        WHO) still match only as written
  --places names|capitals
                        names (the default) counts names only; capitals also counts capitals and
                        seats of government as their country or organization ("Beijing said",
                        "Brussels" for the EU)
  --languages LIST      whose names of countries and organizations match. auto (the default):
                        every language's names are loaded and each document is matched with
                        English and the languages detected in it (CLD2), so German "Island"
                        is Iceland in a German text and nothing in an English one. LIST (ISO
                        639-1 codes, comma-separated, such as es,fr) or all: those languages'
                        names match in every document, no detection. English names match
                        whatever the choice. Names exist in ar bn de el es fa fr he hi id it ja
                        ko nl pl pt ru sv sw tr uk ur vi zh
  --label-language LANG
                        label the entities in this language in every output (fr: Chine, ONU):
                        CLDR's main name, English where LANG has none. Ids stay ISO codes
  --gazetteer FILE      add entities, aliases, stop phrases and overrides from FILE (format:
                        data/gazetteer/FORMAT.md); repeatable, read in order after the built-in one
  --no-default-gazetteer
                        start from an empty gazetteer instead of the built-in one
Running:
  --threads N           threads that read the documents (default: all cores); the output is the
                        same whatever N
  --progress            show progress on standard error (bytes and documents read, rate, time
                        left, then laying out and writing each output) even when it is not a
                        terminal; shown by default on a terminal
  --quiet               print nothing on standard error but errors
  -h, --help            show this help

Output files are written whole or not at all: on any error no output file is created or changed.
)";

const char* const kMentionsHelp = R"(Usage: comention mentions [OPTIONS] INPUT... [-o FILE]

Prints one JSON object a line for each mention:
  {"doc": ID, "start": BYTE, "end": BYTE, "text": SURFACE, "entity": ID,
   "category": "country"|"organization", "paragraph": N, "sentence": N, "language": CODE,
   "document_languages": [CODE...]}
start and end are UTF-8 byte offsets into the document's text; paragraph and sentence count
from 0 within the document. language is the language the name was found in: the document's
when the name is a name in it, else English, else the name's own. document_languages are
those detected in the document (CLD2), its main one first: empty when CLD2 cannot tell or
when --languages gives a list (then no document is identified). For an HTML page or a WARC
response the text is the one extracted from the page (markup, menus and scripts left out):
--with-text shows it.

Options:
  -o, --output FILE     write to FILE instead of standard output (written whole or not at all)
  --with-text           before each document's mentions, a line with the document itself:
                        {"document": ID, "title": TITLE, "text": TEXT, "languages": [CODE...]}, the
                        text the offsets
                        point into (for HTML and WARC, the extracted text)
  --input-format auto|text|jsonl|json|csv|tsv|html|warc
                        how to read inputs (default auto: by name and content, as for build)
  --id-field NAME       the field or column holding the document id (default id)
  --text-field NAME     the field or column holding the text (default text)
  --date-field NAME     checked as for build: an error when no record has it
  --ignore-case         let names match in any case; acronyms still match only as written
  --places names|capitals
                        capitals also counts capitals and seats of government ("Beijing said");
                        default names
  --languages LIST      auto (default) matches each document with English and the languages
                        detected in it; codes (es,fr) or all match those in every document
  --gazetteer FILE      add a gazetteer file (repeatable); --no-default-gazetteer starts empty
  -h, --help            show this help
)";

const char* const kExplainHelp = R"(Usage: comention explain A B [OPTIONS] INPUT...

Prints why entities A and B (ids or names in any case: CHN, China, "united states"; see
comention gazetteer list) are connected: how many windows name both, in how many documents, and
some of those windows (from the earliest and the latest documents and others between) with
their document, date, title and byte span, the two names marked. Takes the input, matching and counting options of build
(--window, --weight, --gazetteer ...); --evidence K sets how many windows to show (default 5);
--title-field NAME the field with each document's headline (default title).
Exits 0 when they are connected, 1 when they are not.
)";

const char* const kGazetteerHelp = R"(Usage:
  comention gazetteer check FILE...         validate gazetteer files; every problem is reported
                                            as FILE:LINE, and the exit status is 2 if any
  comention gazetteer list                  print each entity: id, category, label, aliases;
                                            with --language CODE its names in that language
  comention gazetteer export [--aliases]    write the effective gazetteer in its own format, or
                                            with --aliases every alias one a line (for grep -F -f)

Options:
  --gazetteer FILE        add FILE on top of the built-in gazetteer (repeatable)
  --no-default-gazetteer  start from an empty gazetteer
  --languages LIST        load the names of these languages too (ISO 639-1 codes, comma-
                          separated, or all); default en here
  --language CODE         list: show each entity's names in this language (es, fr, ru...) that
                          differ from its English ones
  -o, --output FILE       list/export: write to FILE instead of standard output
  -h, --help              show this help

The format is documented in data/gazetteer/FORMAT.md; samples/custom-gazetteer.tsv is an example.
check reads the built-in gazetteer first (unless --no-default-gazetteer), so a file may refer to
built-in ids.
)";

namespace {

// " (did you mean 'sentence'?)" when `value` is a near miss of one of `candidates`, else "".
std::string did_you_mean(std::string_view value, const std::vector<std::string_view>& candidates) {
  const auto nearest = closest_word(value, candidates);
  return nearest ? " (did you mean '" + std::string(*nearest) + "'?)" : "";
}

// The long options a help text lists: the one list of them, so suggestions never go stale.
std::vector<std::string> options_in_help(std::string_view help) {
  std::vector<std::string> found;
  for (std::size_t at = help.find("--"); at != std::string_view::npos; at = help.find("--", at + 2)) {
    if (at > 0 && help[at - 1] != ' ' && help[at - 1] != ',' && help[at - 1] != '[' && help[at - 1] != '\n') continue;
    std::size_t end = at + 2;
    while (end < help.size() && ((help[end] >= 'a' && help[end] <= 'z') || help[end] == '-')) ++end;
    if (end > at + 2) found.emplace_back(help.substr(at, end - at));
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

// Walks the arguments, splitting "--name=value" and fetching the value of "--name value".
class ArgumentCursor {
 public:
  explicit ArgumentCursor(const std::vector<std::string>& args) : args_(args) {}

  bool done() const { return index_ >= args_.size(); }

  // The next argument; for "--name=value" only "--name", with the value kept for value().
  std::string next() {
    std::string arg = args_[index_++];
    pending_value_.reset();
    if (arg.starts_with("--")) {
      const auto equals = arg.find('=');
      if (equals != std::string::npos) {
        pending_value_ = arg.substr(equals + 1);
        arg.resize(equals);
      }
    }
    return arg;
  }

  std::string value(const std::string& option) {
    if (pending_value_) {
      std::string value = *pending_value_;
      pending_value_.reset();
      return value;
    }
    if (done()) throw UsageError("option " + option + " needs a value");
    return args_[index_++];
  }

  void no_value(const std::string& option) const {
    if (pending_value_) throw UsageError("option " + option + " takes no value");
  }

 private:
  const std::vector<std::string>& args_;
  std::size_t index_ = 0;
  std::optional<std::string> pending_value_;
};

// Handles --gazetteer and --no-default-gazetteer; false if `arg` is neither.
bool parse_gazetteer_option(const std::string& arg, ArgumentCursor& cursor, GazetteerOptions& options) {
  if (arg == "--gazetteer") {
    options.files.push_back(cursor.value(arg));
    if (options.files.back().empty()) throw UsageError("--gazetteer needs a file name");
  } else if (arg == "--no-default-gazetteer") {
    cursor.no_value(arg);
    options.builtin = false;
  } else if (arg == "--languages") {
    options.languages = LanguageSet::parse(cursor.value(arg));
  } else if (arg == "--label-language") {
    options.label_language = cursor.value(arg);
    if (!is_language_code(options.label_language)) {
      throw UsageError("--label-language takes one ISO 639-1 code such as fr, not '" + options.label_language + "'");
    }
  } else {
    return false;
  }
  return true;
}

// Handles an option shared by the reading subcommands; false if `arg` is not one of them.
bool parse_input_option(const std::string& arg, ArgumentCursor& cursor, InputOptions& options) {
  if (arg == "--input-format") {
    const std::string value = cursor.value(arg);
    if (value == "auto") {
      options.reader.format = InputFormat::automatic;
    } else if (value == "text") {
      options.reader.format = InputFormat::text;
    } else if (value == "jsonl") {
      options.reader.format = InputFormat::jsonl;
    } else if (value == "json") {
      options.reader.format = InputFormat::json;
    } else if (value == "csv") {
      options.reader.format = InputFormat::csv;
    } else if (value == "tsv") {
      options.reader.format = InputFormat::tsv;
    } else if (value == "html") {
      options.reader.format = InputFormat::html;
    } else if (value == "warc") {
      options.reader.format = InputFormat::warc;
    } else {
      throw UsageError("--input-format must be auto, text, jsonl, json, csv, tsv, html or warc, not '" + value + "'" +
                       did_you_mean(value, {"auto", "text", "jsonl", "json", "csv", "tsv", "html", "warc"}));
    }
  } else if (arg == "--id-field") {
    options.reader.id_field = cursor.value(arg);
    options.reader.id_field_named = true;
    if (options.reader.id_field.empty()) throw UsageError("--id-field needs a field name");
  } else if (arg == "--date-field") {
    options.reader.date_field = cursor.value(arg);
    if (options.reader.date_field.empty()) throw UsageError("--date-field needs a field name");
  } else if (arg == "--text-field") {
    options.reader.text_field = cursor.value(arg);
    if (options.reader.text_field.empty()) throw UsageError("--text-field needs a field name");
  } else if (arg == "--ignore-case") {
    cursor.no_value(arg);
    options.match.ignore_case = true;
  } else if (arg == "--places") {
    const std::string value = cursor.value(arg);
    if (value != "names" && value != "capitals") {
      throw UsageError("--places must be names or capitals, not '" + value + "'" +
                       did_you_mean(value, {"names", "capitals"}));
    }
    options.match.capitals = value == "capitals";
  } else if (!parse_gazetteer_option(arg, cursor, options.gazetteer)) {
    return false;
  }
  return true;
}

// A whole number of at least `minimum`, or a UsageError naming the option.
std::uint64_t parse_count(const std::string& option, const std::string& value, std::uint64_t minimum,
                          std::uint64_t maximum = UINT64_MAX) {
  std::uint64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || number < minimum || number > maximum) {
    throw UsageError(option + " needs a whole number of at least " + std::to_string(minimum) + ", not '" +
                     value + "'");
  }
  return number;
}

void parse_categories(const std::string& value, GraphFilter& filter) {
  filter.countries = false;
  filter.organizations = false;
  std::string_view rest = value;
  while (true) {
    const auto comma = rest.find(',');
    const std::string_view name = rest.substr(0, comma);
    if (name == "country" || name == "countries") {
      filter.countries = true;
    } else if (name == "organization" || name == "organizations") {
      filter.organizations = true;
    } else {
      throw UsageError("--categories takes country and organization, comma-separated, not '" + std::string(name) +
                       "'" + did_you_mean(name, {"country", "organization", "countries", "organizations"}));
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
}

[[noreturn]] void unknown_option(const std::string& arg, std::string_view command) {
  const char* help = command == "build" ? kBuildHelp : command == "mentions" ? kMentionsHelp
                                                                            : kGazetteerHelp;
  const std::vector<std::string> known = options_in_help(help);
  const auto nearest = closest_word(arg, std::vector<std::string_view>(known.begin(), known.end()));
  if (nearest) throw UsageError("unknown option '" + arg + "': did you mean " + std::string(*nearest) + "?");
  throw UsageError("unknown option '" + arg + "' (see comention " + std::string(command) + " --help)");
}

void require_inputs(const InputOptions& options, std::string_view command) {
  if (options.inputs.empty()) {
    throw UsageError("no input given: name files or directories, or - for standard input (see comention " +
                     std::string(command) + " --help)");
  }
}

// The loop both subcommands share: inputs, "--", help and the input options; everything else
// goes to own_option, which returns false for an option it does not know either.
template <typename Options, typename OwnOption>
void parse_arguments(const std::vector<std::string>& args, std::string_view command,
                     Options& options, OwnOption own_option) {
  ArgumentCursor cursor(args);
  bool only_inputs = false;
  while (!cursor.done()) {
    const std::string arg = cursor.next();
    if (only_inputs || arg == "-" || !arg.starts_with("-")) {
      options.input.inputs.push_back(arg);
    } else if (arg == "--") {
      only_inputs = true;
    } else if (arg == "-h" || arg == "--help") {
      options.help = true;
    } else if (!parse_input_option(arg, cursor, options.input) && !own_option(arg, cursor)) {
      unknown_option(arg, command);
    }
  }
  if (!options.help) require_inputs(options.input, command);
}

}  // namespace

namespace {

constexpr std::size_t kHtmlEvidence = 3;

constexpr std::string_view kFormatNames = "json, dot, svg, png, pdf, html, graphml, gexf, cyjs, graphology, jgf, csv";

bool names_table(std::string_view path, std::string_view table) {
  const auto slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::string file = std::string(table) + ".csv";
  if (name == file) return true;
  if (!name.ends_with(file) || name.size() == file.size()) return false;
  const char before = name[name.size() - file.size() - 1];
  return before == '.' || before == '-' || before == '_';
}

// A CSV output holds the node table or the edge table: "nodes.csv" (or "x.nodes.csv",
// "x-nodes.csv") says which; otherwise --csv-table does, and "both" makes X.csv into
// X.nodes.csv and X.edges.csv.
void add_csv_outputs(const std::string& path, const std::string& tables, std::vector<OutputTarget>& outputs) {
  if (names_table(path, "nodes")) {
    outputs.push_back({path, OutputFormat::csv, CsvTable::nodes});
  } else if (names_table(path, "edges")) {
    outputs.push_back({path, OutputFormat::csv, CsvTable::edges});
  } else if (tables == "nodes" || tables == "edges") {
    outputs.push_back({path, OutputFormat::csv, tables == "nodes" ? CsvTable::nodes : CsvTable::edges});
  } else if (path == "-") {
    throw UsageError("standard output holds one CSV table: give --csv-table nodes or edges");
  } else {
    const std::string stem = path.ends_with(".csv") ? path.substr(0, path.size() - 4) : path;
    outputs.push_back({stem + ".nodes.csv", OutputFormat::csv, CsvTable::nodes});
    outputs.push_back({stem + ".edges.csv", OutputFormat::csv, CsvTable::edges});
  }
}

// --backbone auto|off|ALPHA, ALPHA a significance level strictly between 0 and 1.
BackboneOptions parse_backbone(const std::string& value) {
  BackboneOptions backbone;
  if (value == "auto") return backbone;
  if (value == "off") {
    backbone.mode = BackboneMode::off;
    return backbone;
  }
  double alpha = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), alpha);
  if (error != std::errc() || end != value.data() + value.size() || !(alpha > 0 && alpha < 1)) {
    throw UsageError("--backbone must be auto, off or a significance level between 0 and 1 (such as 0.05), not '" +
                     value + "'");
  }
  backbone.mode = BackboneMode::fixed;
  backbone.alpha = alpha;
  return backbone;
}

}  // namespace

BuildOptions parse_build_options(const std::vector<std::string>& args) {
  BuildOptions options;
  std::vector<std::string> output_paths;
  std::optional<OutputFormat> format;
  std::string csv_tables = "both";
  bool layout_given = false;
  bool evidence_given = false;
  parse_arguments(args, "build", options, [&](const std::string& arg, ArgumentCursor& cursor) {
    if (arg == "-o" || arg == "--output") {
      output_paths.push_back(cursor.value(arg));
    } else if (arg == "--format") {
      const std::string value = cursor.value(arg);
      format = parse_output_format(value);
      if (!format) {
        throw UsageError("--format must be one of " + std::string(kFormatNames) + ", not '" + value + "'" +
                         did_you_mean(value, {"json", "dot", "svg", "png", "pdf", "html", "graphml", "gexf", "cyjs",
                                              "graphology", "jgf", "csv"}));
      }
    } else if (arg == "--csv-table") {
      const std::string value = cursor.value(arg);
      if (value != "nodes" && value != "edges" && value != "both") {
        throw UsageError("--csv-table must be nodes, edges or both, not '" + value + "'" +
                         did_you_mean(value, {"nodes", "edges", "both"}));
      }
      csv_tables = value;
    } else if (arg == "--layout") {
      const std::string value = cursor.value(arg);
      const auto engine = parse_layout_engine(value);
      if (!engine) throw UsageError("--layout must be neato, fdp, sfdp, circo or dot, not '" + value + "'");
      options.export_options.layout = *engine;
      layout_given = true;
    } else if (arg == "--splines") {
      const std::string value = cursor.value(arg);
      const auto splines = parse_splines(value);
      if (!splines) throw UsageError("--splines must be auto, curved or straight, not '" + value + "'");
      options.export_options.splines = *splines;
    } else if (arg == "--threads") {
      options.threads = parse_count(arg, cursor.value(arg), 1, 1024);
    } else if (arg == "--progress") {
      cursor.no_value(arg);
      options.progress = true;
    } else if (arg == "--quiet" || arg == "-q") {
      cursor.no_value(arg);
      options.quiet = true;
    } else if (arg == "--geo") {
      cursor.no_value(arg);
      options.export_options.geo = true;
    } else if (arg == "--color-by" || arg == "--colour-by") {
      const std::string value = cursor.value(arg);
      options.export_options.color_by = parse_color_by(value);
      if (!options.export_options.color_by) {
        throw UsageError(arg + " must be community, region or category, not '" + value + "'");
      }
    } else if (arg == "--backbone") {
      options.export_options.backbone = parse_backbone(cursor.value(arg));
    } else if (arg == "--window") {
      const std::string value = cursor.value(arg);
      if (value.starts_with("tokens:")) {
        options.graph.window = Window::tokens;
        options.graph.token_distance =
            static_cast<std::uint32_t>(parse_count(arg, value.substr(7), 1, 100000));
      } else {
        const auto window = parse_window(value);
        if (!window || *window == Window::tokens) {
          throw UsageError("--window must be sentence, paragraph, document or tokens:N, not '" + value + "'" +
                           did_you_mean(value, {"sentence", "paragraph", "document", "tokens:N"}));
        }
        options.graph.window = *window;
      }
    } else if (arg == "--weight") {
      const std::string value = cursor.value(arg);
      const auto measure = parse_weight_measure(value);
      if (!measure) {
        throw UsageError("--weight must be count, pmi, npmi, jaccard, dice or association, not '" + value + "'" +
                         did_you_mean(value, {"count", "pmi", "npmi", "jaccard", "dice", "association"}));
      }
      options.graph.measure = *measure;
    } else if (arg == "--min-count") {
      options.graph.filter.min_count = parse_count(arg, cursor.value(arg), 1);
    } else if (arg == "--min-mentions") {
      options.graph.filter.min_mentions = parse_count(arg, cursor.value(arg), 1);
    } else if (arg == "--top-edges") {
      options.graph.filter.top_edges = static_cast<std::uint32_t>(parse_count(arg, cursor.value(arg), 1, UINT32_MAX));
    } else if (arg == "--depth") {
      options.graph.filter.depth = static_cast<std::uint32_t>(parse_count(arg, cursor.value(arg), 1, UINT32_MAX));
    } else if (arg == "--focus") {
      options.graph.filter.focus = cursor.value(arg);
      if (options.graph.filter.focus.empty()) throw UsageError("--focus needs an entity: an id or a name");
    } else if (arg == "--categories") {
      parse_categories(cursor.value(arg), options.graph.filter);
    } else if (arg == "--drop-isolates") {
      cursor.no_value(arg);
      options.graph.filter.drop_isolates = true;
    } else if (arg == "--slice") {
      const std::string value = cursor.value(arg);
      options.slice = parse_slice(value);
      if (!options.slice) {
        throw UsageError("--slice must be day, week, month or year, not '" + value + "'" +
                         did_you_mean(value, {"day", "week", "month", "year"}));
      }
    } else if (arg == "--since" || arg == "--until") {
      const std::string value = cursor.value(arg);
      const auto date = parse_date(value);
      if (!date) throw UsageError(arg + " needs a date such as 2026-03-02, not '" + value + "'");
      (arg == "--since" ? options.since : options.until) = date;
    } else if (arg == "--gexf-version") {
      const std::string value = cursor.value(arg);
      if (value != "1.3" && value != "1.2draft") throw UsageError("--gexf-version must be 1.3 or 1.2draft, not '" + value + "'");
      options.export_options.gexf = value == "1.3" ? GexfVersion::v1_3 : GexfVersion::v1_2draft;
    } else if (arg == "--graphml-graphics") {
      const std::string value = cursor.value(arg);
      if (value != "none" && value != "yed") {
        throw UsageError("--graphml-graphics must be none or yed, not '" + value + "'" +
                         did_you_mean(value, {"none", "yed"}));
      }
      options.export_options.graphml_graphics = value == "yed" ? GraphmlGraphics::yed : GraphmlGraphics::none;
    } else if (arg == "--json-links") {
      const std::string value = cursor.value(arg);
      const auto key = parse_link_key(value);
      if (!key) {
        throw UsageError("--json-links must be links, edges or both, not '" + value + "'" +
                         did_you_mean(value, {"links", "edges", "both"}));
      }
      options.export_options.link_key = *key;
    } else if (arg == "--seed") {
      options.seed = parse_count(arg, cursor.value(arg), 0);
    } else if (arg == "--title-field") {
      options.input.reader.title_field = cursor.value(arg);
      options.input.reader.title_field_named = true;
      if (options.input.reader.title_field.empty()) throw UsageError("--title-field needs a field name");
    } else if (arg == "--evidence") {
      options.evidence = parse_count(arg, cursor.value(arg), 0, 1000);
      evidence_given = true;
    } else {
      return false;
    }
    return true;
  });
  if (options.help) return options;
  if (options.graph.window == Window::tokens && options.graph.measure != WeightMeasure::count) {
    throw UsageError("--weight " + std::string(to_string(options.graph.measure)) +
                     " needs windows to count in: use --window sentence, paragraph or document");
  }
  if ((options.slice || options.since || options.until) && options.input.reader.date_field.empty()) {
    throw UsageError("--slice, --since and --until need --date-field NAME: the field with each date");
  }
  if (options.since && options.until && *options.until < *options.since) {
    throw UsageError("--until is before --since");
  }
  if (options.quiet && options.progress) throw UsageError("--progress and --quiet ask for opposite things: give one");
  if (layout_given && options.export_options.geo) {
    throw UsageError("--geo places the nodes itself: give --geo or --layout, not both");
  }
  if (output_paths.empty()) output_paths.push_back("-");
  int to_stdout = 0;
  for (const std::string& path : output_paths) {
    if (path == "-") {
      ++to_stdout;
    } else if (path.empty()) {
      throw UsageError("-o needs a file name");
    }
    const auto path_format = path == "-" ? std::optional<OutputFormat>(OutputFormat::json) : format_for_path(path);
    if (!format && !path_format) {
      throw UsageError("cannot tell the format of '" + path + "' from its extension (" +
                       std::string(kFormatNames) + "): give a known extension or --format");
    }
    const OutputFormat chosen = format.value_or(*path_format);
    if (chosen != OutputFormat::csv) {
      options.outputs.push_back({path, chosen});
    } else {
      add_csv_outputs(path, csv_tables, options.outputs);
    }
  }
  if (to_stdout > 1) throw UsageError("only one output can go to standard output");
  // The viewer's tie panel is where a reader asks "why": it gets a few windows unless told.
  const bool html = std::any_of(options.outputs.begin(), options.outputs.end(),
                                [](const OutputTarget& target) { return target.format == OutputFormat::html; });
  if (html && !evidence_given) {
    options.evidence = kHtmlEvidence;
    options.evidence_for_html_only = true;
  }
  for (std::size_t i = 0; i < options.outputs.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (options.outputs[i].path == options.outputs[j].path && options.outputs[i].path != "-") {
        throw UsageError("'" + options.outputs[i].path + "' is given as an output twice");
      }
    }
  }
  return options;
}

MentionsOptions parse_mentions_options(const std::vector<std::string>& args) {
  MentionsOptions options;
  parse_arguments(args, "mentions", options, [&options](const std::string& arg, ArgumentCursor& cursor) {
    if (arg == "--with-text") {
      cursor.no_value(arg);
      options.with_text = true;
      return true;
    }
    if (arg != "-o" && arg != "--output") return false;
    options.output = cursor.value(arg);
    if (options.output.empty()) throw UsageError("-o needs a file name");
    return true;
  });
  return options;
}

ExplainOptions parse_explain_options(const std::vector<std::string>& args) {
  ExplainOptions options;
  const bool help = std::find(args.begin(), args.end(), "-h") != args.end() ||
                    std::find(args.begin(), args.end(), "--help") != args.end();
  if (help) {
    options.build.help = true;
    return options;
  }
  // The two ids come first, so that they cannot be mistaken for inputs or option values.
  if (args.size() < 2 || args[0].starts_with("-") || args[1].starts_with("-")) {
    throw UsageError("explain needs two entity ids first: comention explain A B INPUT... (see comention explain --help)");
  }
  options.first = args[0];
  options.second = args[1];
  const std::vector<std::string> rest(args.begin() + 2, args.end());
  if (std::find(rest.begin(), rest.end(), "-o") != rest.end() ||
      std::find(rest.begin(), rest.end(), "--output") != rest.end()) {
    throw UsageError("explain prints its answer; it takes no -o");
  }
  if (std::none_of(rest.begin(), rest.end(), [](const std::string& arg) { return arg == "-" || !arg.starts_with("-"); })) {
    throw UsageError("explain needs two entity ids and then the input: comention explain A B INPUT...");
  }
  options.build = parse_build_options(rest);
  if (options.build.evidence == 0) options.build.evidence = 5;
  return options;
}

GazetteerCommandOptions parse_gazetteer_options(const std::vector<std::string>& args) {
  GazetteerCommandOptions options;
  options.gazetteer.languages = LanguageSet{};  // a gazetteer shows English unless asked: no documents to detect in
  ArgumentCursor cursor(args);
  while (!cursor.done()) {
    const std::string arg = cursor.next();
    if (arg == "-h" || arg == "--help") {
      options.help = true;
    } else if (arg == "-o" || arg == "--output") {
      options.output = cursor.value(arg);
      if (options.output.empty()) throw UsageError("-o needs a file name");
    } else if (arg == "--aliases") {
      cursor.no_value(arg);
      options.aliases_only = true;
    } else if (arg == "--language") {
      options.list_language = cursor.value(arg);
      if (!is_language_code(options.list_language)) {
        throw UsageError("--language takes one ISO 639-1 code such as es, not '" + options.list_language + "'");
      }
    } else if (parse_gazetteer_option(arg, cursor, options.gazetteer)) {
      continue;
    } else if (arg.starts_with("-")) {
      unknown_option(arg, "gazetteer");
    } else if (options.action.empty()) {
      options.action = arg;
    } else {
      options.files.push_back(arg);
    }
  }
  if (options.help) return options;
  if (options.action != "check" && options.action != "list" && options.action != "export") {
    throw UsageError(options.action.empty() ? "gazetteer needs check, list or export (see comention gazetteer --help)"
                                            : "unknown gazetteer action '" + options.action + "' (check, list or export)" +
                                                  did_you_mean(options.action, {"check", "list", "export"}));
  }
  if (options.action == "check" && options.files.empty()) throw UsageError("gazetteer check needs FILE...");
  if (options.action != "check" && !options.files.empty()) {
    throw UsageError("gazetteer " + options.action + " takes no FILE; add files with --gazetteer");
  }
  if (options.aliases_only && options.action != "export") throw UsageError("--aliases goes with export");
  if (!options.list_language.empty()) {
    if (options.action != "list") throw UsageError("--language goes with list");
    options.gazetteer.languages.add(options.list_language);
  }
  return options;
}

}  // namespace comention::cli
