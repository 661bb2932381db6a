#include "comention/pipeline.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
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

struct Batch {
  std::uint64_t serial = 0;
  std::vector<Document> documents;
  std::size_t bytes = 0;
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
  for (const Document& document : batch.documents) {
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

// Runs batches on worker threads (or on the calling thread, with one thread) and hands their
// counts back in input order. At most `limit` batches are read and not yet merged, which bounds
// memory whatever the size of the input.
class BatchRunner {
 public:
  BatchRunner(const CountSetup& setup, std::size_t threads) : setup_(setup), limit_(2 * threads + 1) {
    if (threads > 1) {
      for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
    } else {
      inline_analyzer_.emplace(setup_.matcher, setup_.window == Window::tokens);
    }
  }

  ~BatchRunner() { stop(); }
  BatchRunner(const BatchRunner&) = delete;
  BatchRunner& operator=(const BatchRunner&) = delete;

  // Queues a batch; `merge` is called with each finished batch's counts, in input order, on the
  // calling thread, while this waits for room.
  template <typename Merge>
  void submit(Batch batch, Merge&& merge) {
    if (workers_.empty()) {
      merge(count_batch(batch, setup_, *inline_analyzer_));
      return;
    }
    std::unique_lock lock(mutex_);
    for (;;) {
      rethrow_failure();
      drain_ready(lock, merge);
      if (in_flight_ < limit_) break;
      changed_.wait(lock);
    }
    ++in_flight_;
    queue_.push_back(std::move(batch));
    changed_.notify_all();
  }

  // Waits for every queued batch and merges the rest, in order.
  template <typename Merge>
  void finish(Merge&& merge) {
    if (workers_.empty()) return;
    std::unique_lock lock(mutex_);
    for (;;) {
      rethrow_failure();
      drain_ready(lock, merge);
      if (in_flight_ == 0) break;
      changed_.wait(lock);
    }
  }

 private:
  template <typename Merge>
  void drain_ready(std::unique_lock<std::mutex>& lock, Merge& merge) {
    for (auto next = done_.find(next_to_merge_); next != done_.end(); next = done_.find(next_to_merge_)) {
      BatchCounts counts = std::move(next->second);
      done_.erase(next);
      ++next_to_merge_;
      --in_flight_;
      lock.unlock();
      merge(std::move(counts));
      lock.lock();
    }
  }

  void rethrow_failure() {
    if (failure_) std::rethrow_exception(failure_);
  }

  void work() {
    DocumentAnalyzer analyzer(setup_.matcher, setup_.window == Window::tokens);
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      Batch batch = std::move(queue_.front());
      queue_.pop_front();
      const std::uint64_t serial = batch.serial;
      lock.unlock();
      BatchCounts counts;
      std::exception_ptr failure;
      try {
        counts = count_batch(batch, setup_, analyzer);
      } catch (...) {  // only allocation failures: counting throws nothing else
        failure = std::current_exception();
      }
      batch = Batch{};  // free the documents before waiting for the lock
      lock.lock();
      if (failure && !failure_) failure_ = failure;
      done_.emplace(serial, std::move(counts));
      changed_.notify_all();
    }
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      queue_.clear();  // an early end (an input error): what is queued is not wanted
    }
    changed_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

  const CountSetup& setup_;
  const std::size_t limit_;
  std::optional<DocumentAnalyzer> inline_analyzer_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;
  std::map<std::uint64_t, BatchCounts> done_;
  std::uint64_t next_to_merge_ = 0;
  std::size_t in_flight_ = 0;
  bool stopping_ = false;
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

  const bool ranged = options.since || options.until;
  std::uint64_t undated = 0;
  std::uint64_t outside_range = 0;
  ReadProgress progress;
  {
    BatchRunner runner(setup, options.threads == 0 ? default_thread_count() : options.threads);
    Batch batch;
    auto send = [&] {
      progress.documents += batch.documents.size();
      progress.bytes = reader.bytes_read();
      const std::uint64_t serial = batch.serial;
      runner.submit(std::move(batch), merge);
      batch = Batch{};
      batch.serial = serial + 1;
      if (options.on_progress) options.on_progress(progress);
    };
    Document document;
    while (reader.next(document)) {
      if (!document.date) {
        ++undated;
        if (ranged) continue;  // with a range asked for, a document without a date is not in it
      } else if ((options.since && *document.date < *options.since) ||
                 (options.until && *options.until < *document.date)) {
        ++outside_range;
        continue;
      }
      batch.bytes += document.text.size();
      batch.documents.push_back(std::move(document));
      document = Document{};
      if (batch.bytes >= options.batch_bytes || batch.documents.size() >= kBatchDocuments) send();
    }
    if (!batch.documents.empty()) send();
    runner.finish(merge);
  }

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
