// The combined per-document stage, DocumentAnalyzer::analyze (match, segment, locate), as the
// workers of comention build run it: one article at a time, buffers reused between articles.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "comention/gazetteer.hpp"
#include "comention/matcher.hpp"
#include "comention/pipeline.hpp"
#include "news_text.hpp"

namespace {

// Analyses every article of the ~100 KB text once per iteration; with number_words as well,
// which the tokens:N window needs.
void analyze_articles(benchmark::State& state, bool number_words) {
  static const comention::Gazetteer gazetteer = comention::Gazetteer::builtin();
  const comention::Matcher matcher(gazetteer);
  comention::DocumentAnalyzer analyzer(matcher, number_words);
  const auto& articles = comention_bench::news_articles();
  std::int64_t bytes_per_pass = 0;
  for (const auto& article : articles) bytes_per_pass += static_cast<std::int64_t>(article.size());

  std::size_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (const auto& article : articles) {
      const comention::AnalyzedDocument& result = analyzer.analyze(article);
      mentions += result.mentions.size();
    }
    benchmark::DoNotOptimize(mentions);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes_per_pass);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(articles.size()));
  state.counters["mentions"] = static_cast<double>(mentions);
}

void BM_AnalyzeArticles(benchmark::State& state) { analyze_articles(state, false); }
BENCHMARK(BM_AnalyzeArticles);

void BM_AnalyzeArticlesNumberWords(benchmark::State& state) { analyze_articles(state, true); }
BENCHMARK(BM_AnalyzeArticlesNumberWords);

}  // namespace
