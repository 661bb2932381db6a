// Segmenter micro benchmarks: paragraphs and sentences of about 100 KB of news text, and the
// word count that the tokens window adds.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "comention/matcher.hpp"
#include "comention/segmenter.hpp"
#include "news_text.hpp"

namespace {

void BM_SegmentText(benchmark::State& state) {
  const std::string& text = comention_bench::news_text();
  comention::Segmentation segmentation;
  for (auto _ : state) {
    comention::segment_text(text, segmentation);
    benchmark::DoNotOptimize(segmentation.sentences.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  state.counters["sentences"] = static_cast<double>(segmentation.sentences.size());
  state.counters["paragraphs"] = static_cast<double>(segmentation.paragraphs.size());
}
BENCHMARK(BM_SegmentText);

// number_words with no mentions: the cost of the word pass alone.
void BM_NumberWords(benchmark::State& state) {
  const std::string& text = comention_bench::news_text();
  comention::Segmentation segmentation;
  comention::segment_text(text, segmentation);
  std::vector<comention::Mention> no_mentions;
  for (auto _ : state) {
    comention::number_words(text, segmentation, no_mentions);
    benchmark::DoNotOptimize(segmentation.words);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  state.counters["words"] = static_cast<double>(segmentation.words);
}
BENCHMARK(BM_NumberWords);

}  // namespace
