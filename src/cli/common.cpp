#include "common.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

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

Gazetteer load_gazetteer(const GazetteerOptions& options) {
  GazetteerBuilder builder(options.languages);
  if (options.builtin) builder.add_builtin();
  for (const std::string& file : options.files) builder.add_file(file);
  check_languages(options.languages, builder);
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

CoMentionGraph count_graph(const BuildOptions& options, const Gazetteer& gazetteer) {
  const Matcher matcher(gazetteer, options.input.match);
  DocumentReader reader(options.input.inputs, options.input.reader);
  CountOptions count;
  count.graph = options.graph;
  count.evidence = options.evidence;
  count.slice = options.slice;
  count.since = options.since;
  count.until = options.until;
  count.threads = options.threads;

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
  MetricsOptions metrics;
  metrics.seed = options.seed;
  metrics.threads = count.threads == 0 ? default_thread_count() : count.threads;
  measure_graph(graph, metrics);
  return graph;
}

}  // namespace comention::cli
