#include "comention/pipeline.hpp"

#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace comention {

const AnalyzedDocument& DocumentAnalyzer::analyze(std::string_view text) {
  matcher_.find_mentions(text, scratch_, result_.mentions);
  segment_text(text, result_.segmentation);
  locate_mentions(result_.segmentation, result_.mentions);
  if (number_words_) number_words(text, result_.segmentation, result_.mentions);
  return result_;
}

std::size_t default_thread_count() noexcept {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

namespace {

// Documents are counted in batches: each batch by one worker into counts of its own, and the
// batches' counts merged in input order. Sums do not depend on the order, and merging in input
// order keeps each edge's first K evidence windows the same: the result is the same bytes for
// any number of threads.
constexpr std::size_t kBatchDocuments = 2048;

// A worker's batch, kept from one batch to the next: its documents' strings keep their
// capacity, so reading the next batch allocates next to nothing.
struct Batch {
  std::uint64_t serial = 0;
  std::vector<Document> documents;  // the first `size` are this batch's
  std::size_t size = 0;
};

struct BatchCounts {
  Counts total;
  std::map<std::string, Counts> periods;  // by label, which sorts in time order
};

// What every batch is counted with; shared read-only by the workers.
struct CountSetup {
  const Matcher& matcher;
  std::size_t entities;
  Window window;
  std::uint32_t distance;
  std::size_t evidence;
  std::optional<Slice> slice;
};

BatchCounts count_batch(const Batch& batch, const CountSetup& setup, DocumentAnalyzer& analyzer) {
  MentionCounter total(setup.entities, setup.window, setup.evidence, setup.distance);
  std::map<std::string, MentionCounter> periods;
  for (std::size_t i = 0; i < batch.size; ++i) {
    const Document& document = batch.documents[i];
    const AnalyzedDocument& analyzed = analyzer.analyze(document.text);
    const DocumentSource source{document.id, document.text};
    total.add_document(analyzed.mentions, analyzed.segmentation, source);
    if (setup.slice && document.date) {
      auto [it, inserted] = periods.try_emplace(period_label(*document.date, *setup.slice), setup.entities,
                                                setup.window, 0, setup.distance);
      it->second.add_document(analyzed.mentions, analyzed.segmentation, source);
    }
  }
  BatchCounts counts;
  counts.total = total.counts();
  for (const auto& [label, counter] : periods) counts.periods.emplace(label, counter.counts());
  return counts;
}

// Kept strings grow to the longest text each slot has held; past `budget` bytes of capacity
// the rest are freed, so what a batch keeps does not grow with the length of the input.
void release_spare_capacity(Batch& batch, std::size_t budget) {
  std::size_t kept = 0;
  for (Document& document : batch.documents) {
    kept += document.text.capacity() + document.id.capacity() + document.source.capacity();
    if (kept <= budget) continue;
    // Assigning an empty string would keep the buffer; swapping one in lets it go.
    Document released;
    std::swap(document, released);
  }
}

// Counts every document of a reader on `threads` threads, the calling one among them. Each
// thread in turn takes the reader, reads a batch into its own documents, lets the reader go and
// counts the batch: the text is counted by the core that just read it, and is freed (or reused)
// by the thread that allocated it. Finished batches are merged in input order by whichever
// thread finishes the next one due. A thread reads a new batch only while fewer than 2 × threads
// + 1 batches are read and not yet merged, which bounds memory whatever the input's size.
class ParallelCount {
 public:
  using Merge = std::function<void(BatchCounts&&)>;

  ParallelCount(DocumentReader& reader, const CountSetup& setup, const CountOptions& options, Merge merge)
      : reader_(reader), setup_(setup), options_(options), merge_(std::move(merge)) {}

  void run(std::size_t threads) {
    limit_ = 2 * threads + 1;
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    for (std::size_t i = 1; i < threads; ++i) helpers.emplace_back([this] { work(); });
    work();
    for (std::thread& helper : helpers) helper.join();
    if (failure_) std::rethrow_exception(failure_);
  }

  std::uint64_t undated() const noexcept { return undated_; }
  std::uint64_t outside_range() const noexcept { return outside_range_; }

 private:
  void work() {
    try {
      DocumentAnalyzer analyzer(setup_.matcher, setup_.window == Window::tokens);
      Batch batch;
      while (read_batch(batch)) {
        BatchCounts counts = count_batch(batch, setup_, analyzer);
        deliver(batch.serial, std::move(counts));
        release_spare_capacity(batch, 2 * options_.batch_bytes);
      }
    } catch (...) {  // an input error from the reader, or an allocation failure
      std::lock_guard lock(merge_mutex_);
      if (!failure_) failure_ = std::current_exception();
      merged_.notify_all();
    }
  }

  // Fills `batch` with the next documents; false when there are none or the count has failed.
  bool read_batch(Batch& batch) {
    std::lock_guard read_lock(read_mutex_);
    if (reader_done_) return false;
    {
      std::unique_lock lock(merge_mutex_);
      merged_.wait(lock, [this] { return failure_ || next_serial_ - next_to_merge_ < limit_; });
      if (failure_) return false;
    }
    const bool ranged = options_.since || options_.until;
    std::size_t bytes = 0;
    batch.size = 0;
    while (bytes < options_.batch_bytes && batch.size < kBatchDocuments) {
      if (batch.size == batch.documents.size()) batch.documents.emplace_back();
      Document& document = batch.documents[batch.size];
      if (!reader_.next(document)) {
        reader_done_ = true;
        break;
      }
      if (!document.date) {
        ++undated_;
        if (ranged) continue;  // with a range asked for, a document without a date is not in it
      } else if ((options_.since && *document.date < *options_.since) ||
                 (options_.until && *options_.until < *document.date)) {
        ++outside_range_;
        continue;
      }
      bytes += document.text.size();
      ++batch.size;
    }
    if (batch.size == 0) return false;
    batch.serial = next_serial_++;
    progress_.documents += batch.size;
    progress_.bytes = reader_.bytes_read();
    if (options_.on_progress) options_.on_progress(progress_);
    return true;
  }

  // Files a batch's counts and merges every batch now due, in input order.
  void deliver(std::uint64_t serial, BatchCounts&& counts) {
    std::lock_guard lock(merge_mutex_);
    done_.emplace(serial, std::move(counts));
    for (auto next = done_.find(next_to_merge_); next != done_.end(); next = done_.find(next_to_merge_)) {
      merge_(std::move(next->second));
      done_.erase(next);
      ++next_to_merge_;
    }
    merged_.notify_all();
  }

  DocumentReader& reader_;
  const CountSetup& setup_;
  const CountOptions& options_;
  Merge merge_;
  std::size_t limit_ = 1;

  // Under read_mutex_: the reader and what reading counts. Taken before merge_mutex_, never after.
  std::mutex read_mutex_;
  bool reader_done_ = false;
  std::uint64_t next_serial_ = 0;
  std::uint64_t undated_ = 0;
  std::uint64_t outside_range_ = 0;
  ReadProgress progress_;

  // Under merge_mutex_: finished batches waiting for their turn, and the merge itself.
  std::mutex merge_mutex_;
  std::condition_variable merged_;
  std::map<std::uint64_t, BatchCounts> done_;
  std::uint64_t next_to_merge_ = 0;
  std::exception_ptr failure_;
};

}  // namespace

CoMentionGraph count_documents(DocumentReader& reader, const Matcher& matcher, const Gazetteer& gazetteer,
                               const CountOptions& options) {
  const CountSetup setup{matcher,
                         gazetteer.entities().size(),
                         options.graph.window,
                         options.graph.token_distance,
                         options.evidence,
                         options.slice};
  Counts total;
  total.nodes.resize(setup.entities);
  std::map<std::string, Counts> periods;
  auto merge = [&](BatchCounts&& batch) {
    total.merge(batch.total, setup.evidence);
    for (auto& [label, counts] : batch.periods) {
      auto [it, inserted] = periods.try_emplace(label);
      if (inserted) {
        it->second = std::move(counts);
      } else {
        it->second.merge(counts);
      }
    }
  };

  ParallelCount count(reader, setup, options, merge);
  count.run(options.threads == 0 ? default_thread_count() : options.threads);
  const std::uint64_t undated = count.undated();
  const std::uint64_t outside_range = count.outside_range();
  const bool ranged = options.since || options.until;

  CoMentionGraph graph = build_graph(total, gazetteer, options.graph);
  if (options.slice) {
    std::vector<std::pair<std::string, Counts>> by_period;
    by_period.reserve(periods.size());
    for (auto& [label, counts] : periods) by_period.emplace_back(label, std::move(counts));
    attach_periods(graph, gazetteer, by_period);
    graph.info.slice = std::string(to_string(*options.slice));
  }
  if (options.slice || ranged) {
    graph.info.undated = undated;
    graph.info.outside_range = outside_range;
  }
  return graph;
}

}  // namespace comention
