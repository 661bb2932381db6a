#include "common.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "progress.hpp"

#include "comention/error.hpp"
#include "comention/metrics.hpp"
#include "comention/pipeline.hpp"
#include "comention/reader.hpp"
#include "comention/text.hpp"

namespace comention::cli {
namespace {

// The size of all inputs, when every one is a regular file; standard input has none to give.
std::optional<std::uint64_t> total_input_bytes(const std::vector<std::string>& files) {
  std::uint64_t total = 0;
  for (const std::string& file : files) {
    std::error_code error;
    if (file == "-" || !std::filesystem::is_regular_file(file, error)) return std::nullopt;
    total += std::filesystem::file_size(file, error);
    if (error) return std::nullopt;
  }
  return total;
}

}  // namespace

namespace {

// Country codes typed where a language code is meant, and other likely slips.
constexpr std::pair<std::string_view, std::string_view> kLanguageSlips[] = {
    {"br", "pt"}, {"ch", "zh"}, {"cn", "zh"}, {"dk", "da"}, {"gr", "el"}, {"il", "he"},
    {"in", "hi"}, {"ir", "fa"}, {"jp", "ja"}, {"kr", "ko"}, {"se", "sv"}, {"sp", "es"},
    {"ua", "uk"}, {"us", "en"}, {"gb", "en"}, {"vn", "vi"}, {"pk", "ur"}, {"bd", "bn"}, {"ge", "de"},
};

// Every language asked for must have names in some gazetteer read: an unknown code is a slip.
void check_languages(const LanguageSet& languages, const GazetteerBuilder& builder) {
  const auto& seen = builder.languages_seen();
  for (const std::string& code : languages.codes()) {
    if (code == "en" || seen.contains(code)) continue;
    std::string known;
    for (const std::string& language : seen) known += (known.empty() ? "" : " ") + language;
    std::string message = "--languages: no names in '" + code + "' (languages with names: en " + known + ")";
    std::optional<std::string_view> near;
    for (const auto& [slip, meant] : kLanguageSlips) {
      if (slip == code && (meant == "en" || seen.contains(meant))) near = meant;
    }
    if (!near) {
      const std::vector<std::string_view> candidates(seen.begin(), seen.end());
      near = closest_word(code, candidates);
    }
    if (near) message += "; did you mean " + std::string(*near) + "?";
    throw UsageError(message);
  }
}

}  // namespace

namespace {

// --label-language must name a language with labels (English has its own: the entity records').
void check_label_language(const std::string& code, const GazetteerBuilder& builder) {
  if (code.empty() || code == "en" || builder.label_languages().contains(code)) return;
  const auto& known = builder.label_languages();
  std::string list;
  for (const std::string& language : known) list += " " + language;
  std::string message = "--label-language: no labels in '" + code + "' (languages with labels: en" + list + ")";
  std::optional<std::string_view> near;
  for (const auto& [slip, meant] : kLanguageSlips) {
    if (slip == code && (meant == "en" || known.contains(meant))) near = meant;
  }
  if (!near) {
    std::vector<std::string_view> candidates(known.begin(), known.end());
    candidates.emplace_back("en");
    near = closest_word(code, candidates);
  }
  if (near) message += "; did you mean " + std::string(*near) + "?";
  throw UsageError(message);
}

}  // namespace

Gazetteer load_startup_gazetteer(const GazetteerOptions& options) {
  // With the built-in data alone, whose every language is known to load (its tests say so),
  // --languages auto starts with the English names; the rest are built when a document needs
  // them (AllLanguagesMatcher). A user's file is read whole at once, so that its errors show
  // before any document is read.
  if (!options.languages.detects() || !options.builtin || !options.files.empty()) return load_gazetteer(options);
  GazetteerOptions english = options;
  english.languages = LanguageSet{};
  return load_gazetteer(english);
}

Gazetteer load_gazetteer(const GazetteerOptions& options) {
  // The built-in English gazetteer is compiled into the program: read, not built.
  const bool english = !options.languages.is_all() && options.languages.codes().size() == 1;
  if (english && options.builtin && options.files.empty() && options.label_language.empty()) return Gazetteer::builtin();
  GazetteerBuilder builder(options.languages);
  builder.set_label_language(options.label_language);
  if (options.builtin) builder.add_builtin();
  for (const std::string& file : options.files) builder.add_file(file);
  check_languages(options.languages, builder);
  check_label_language(options.label_language, builder);
  return builder.build();
}


std::string resolve_entity(const Gazetteer& gazetteer, const std::string& name, std::string_view what) {
  if (const auto index = gazetteer.lookup(name)) return gazetteer.entities()[*index].id;
  std::string message = std::string(what) + " " + name + ": no such entity";
  if (const auto near = gazetteer.suggest(name)) {
    const Entity& entity = gazetteer.entities()[*near];
    throw UsageError(message + "; did you mean " + entity.label + " (" + entity.id + ")?");
  }
  throw UsageError(message + " (ids and names: comention gazetteer list)");
}

bool shows_progress(const BuildOptions& options) {
  return !options.quiet && options.progress.value_or(isatty(STDERR_FILENO) == 1);
}

std::vector<std::string> read_notes(const DocumentReader& reader) {
  std::vector<std::string> notes;
  const SkippedInputs& skipped = reader.skipped();
  if (skipped.archive_members > 0) {
    notes.push_back("skipped " + group_digits(skipped.archive_members) +
                    (skipped.archive_members == 1 ? " archive member" : " archive members") +
                    " (hidden, in no readable format such as images, PDF and binaries, or links), the first: " + skipped.first_member);
  }
  if (skipped.viewer_pages > 0) {
    notes.push_back("skipped " + group_digits(skipped.viewer_pages) +
                    (skipped.viewer_pages == 1 ? " HTML page" : " HTML pages") +
                    " written by comention (its viewer), the first: " + skipped.first_viewer_page);
  }
  const std::uint64_t responses_skipped =
      skipped.warc_not_ok + skipped.warc_not_html + skipped.warc_encoded + skipped.warc_oversized +
      skipped.warc_unreadable;
  if (skipped.warc_pages + skipped.warc_other_records + responses_skipped > 0) {
    // "WARC: 120 pages read; skipped 240 request, metadata and other records, 3 responses (2 not HTML, 1 not 2xx)"
    std::string note = "WARC: " + group_digits(skipped.warc_pages) + (skipped.warc_pages == 1 ? " page" : " pages") +
                       " read; skipped " + group_digits(skipped.warc_other_records) +
                       " request, warcinfo, metadata and other records, " + group_digits(responses_skipped) +
                       (responses_skipped == 1 ? " response" : " responses");
    std::string why;
    auto reason = [&why](std::uint64_t count, const char* what) {
      if (count > 0) why += (why.empty() ? "" : ", ") + group_digits(count) + " " + what;
    };
    reason(skipped.warc_not_html, "not HTML");
    reason(skipped.warc_not_ok, "with an HTTP status outside 200-299");
    reason(skipped.warc_encoded, "still gzip- or br-encoded");
    reason(skipped.warc_oversized, "too large to keep");
    reason(skipped.warc_unreadable, "whose HTML cannot be decoded or nests too deep");
    notes.push_back(note + (why.empty() ? "" : " (" + why + ")"));
  }
  const FieldCounts& fields = reader.field_counts();
  const ReaderOptions& options = reader.options();
  auto missing = [&](bool named, std::uint64_t with, const char* option, const std::string& field, const char* what) {
    if (!named || with == 0 || with >= fields.records) return;
    notes.push_back(std::string(option) + " " + field + ": " + group_digits(fields.records - with) + " of " +
                    group_digits(fields.records) + " records have none (" + what + ")");
  };
  missing(!options.date_field.empty(), fields.with_date, "--date-field", options.date_field, "they count as undated");
  missing(options.id_field_named, fields.with_id, "--id-field", options.id_field, "their ids are FILE:LINE");
  missing(options.title_field_named, fields.with_title, "--title-field", options.title_field, "their evidence has no title");
  return notes;
}

CoMentionGraph count_graph(const BuildOptions& options, const Gazetteer& gazetteer, std::vector<std::string>* notes) {
  const Matcher matcher = Matcher::of(gazetteer, options.input.match);
  // The English names of load_startup_gazetteer, for --languages auto: every language's on need.
  const bool detects = options.input.gazetteer.languages.detects();
  std::optional<AllLanguagesMatcher> all_languages;
  if (detects && !gazetteer.languages().detects()) {
    all_languages.emplace([languages = options.input.gazetteer] { return load_gazetteer(languages); },
                          gazetteer, options.input.match);
  }
  DocumentReader reader(options.input.inputs, options.input.reader);
  CountOptions count;
  count.graph = options.graph;
  count.evidence = options.evidence;
  count.slice = options.slice;
  count.since = options.since;
  count.until = options.until;
  count.threads = options.threads;
  count.detection = detects ? LanguageDetection::when_needed : LanguageDetection::off;
  count.all_languages = all_languages ? &*all_languages : nullptr;

  // Progress goes to standard error when it is a terminal (or when asked), never to stdout.
  const bool terminal = isatty(STDERR_FILENO) == 1;
  const bool show_progress = shows_progress(options);
  std::optional<ProgressLine> progress;
  if (show_progress) {
    progress.emplace(std::cerr, total_input_bytes(reader.files()), terminal);
    count.on_progress = [&progress](const ReadProgress& read) { progress->update(read); };
  }
  CoMentionGraph graph = count_documents(reader, matcher, gazetteer, count);
  if (progress) progress->finish();
  if (notes) *notes = read_notes(reader);
  MetricsOptions metrics;
  metrics.seed = options.seed;
  metrics.threads = count.threads == 0 ? default_thread_count() : count.threads;
  measure_graph(graph, metrics);
  return graph;
}

}  // namespace comention::cli
