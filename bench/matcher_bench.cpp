// Matcher micro benchmarks: building the built-in gazetteer and its trie (what every run of
// comention pays at start-up) and find_mentions over about 100 KB of news text.
#include <benchmark/benchmark.h>

#include <vector>

#include "comention/gazetteer.hpp"
#include "comention/matcher.hpp"
#include "news_text.hpp"

namespace {

using comention::Gazetteer;
using comention::MatchOptions;
using comention::Matcher;
using comention::MatchScratch;
using comention::Mention;

const Gazetteer& builtin_gazetteer() {
  static const Gazetteer gazetteer = Gazetteer::builtin();
  return gazetteer;
}

void BM_BuiltinGazetteer(benchmark::State& state) {
  for (auto _ : state) {
    Gazetteer gazetteer = Gazetteer::builtin();
    benchmark::DoNotOptimize(gazetteer);
  }
}
BENCHMARK(BM_BuiltinGazetteer)->Unit(benchmark::kMillisecond);

void BM_MatcherConstruction(benchmark::State& state) {
  const Gazetteer& gazetteer = builtin_gazetteer();
  for (auto _ : state) {
    Matcher matcher(gazetteer);
    benchmark::DoNotOptimize(matcher);
  }
}
BENCHMARK(BM_MatcherConstruction)->Unit(benchmark::kMillisecond);

// Runs find_mentions over the whole text; the options are those of the command line's
// --places capitals and --ignore-case, which change how many aliases the trie holds and accepts.
void find_mentions_in_news(benchmark::State& state, MatchOptions options) {
  const Matcher matcher(builtin_gazetteer(), options);
  const std::string& text = comention_bench::news_text();
  MatchScratch scratch;
  std::vector<Mention> mentions;
  for (auto _ : state) {
    matcher.find_mentions(text, scratch, mentions);
    benchmark::DoNotOptimize(mentions.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  // How many mentions a pass finds, so a change in speed can be told from a change in output.
  state.counters["mentions"] = static_cast<double>(mentions.size());
}

void BM_FindMentions(benchmark::State& state) { find_mentions_in_news(state, {}); }
BENCHMARK(BM_FindMentions);

void BM_FindMentionsCapitals(benchmark::State& state) {
  find_mentions_in_news(state, {.ignore_case = false, .capitals = true});
}
BENCHMARK(BM_FindMentionsCapitals);

void BM_FindMentionsIgnoreCase(benchmark::State& state) {
  find_mentions_in_news(state, {.ignore_case = true, .capitals = false});
}
BENCHMARK(BM_FindMentionsIgnoreCase);

}  // namespace
