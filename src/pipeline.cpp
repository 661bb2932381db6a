#include "comention/pipeline.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

namespace comention {

const Matcher& AllLanguagesMatcher::get() const {
  std::call_once(once_, [this] {
    if (auto builtin = Matcher::builtin_every_language(english_, options_)) {
      matcher_.emplace(std::move(*builtin));
      return;
    }
    Gazetteer gazetteer = build_();
    // Mentions index the English gazetteer's entities: the two lists must be one.
    if (gazetteer.entities().size() != english_.entities().size()) {
      throw std::logic_error("the gazetteer of every language has other entities than the English one");
    }
    matcher_.emplace(gazetteer_.emplace(std::move(gazetteer)), options_);
  });
  return *matcher_;
}

const AnalyzedDocument& DocumentAnalyzer::analyze(std::string_view text) {
  result_.detected = false;
  result_.languages = {};
  // English news is settled by the English names alone, as detection would settle it.
  const bool checked_english = all_languages_ != nullptr && detection_ != LanguageDetection::off;
  if (checked_english && looks_english(text)) {
    matcher_.find_mentions(text, scratch_, result_.mentions);
    if (detection_ == LanguageDetection::always) {
      result_.languages = DetectedLanguages{language_bit(kEnglish), kEnglish, false};
      result_.detected = true;
    }
  } else {
    const Matcher& matcher = all_languages_ != nullptr ? all_languages_->get() : matcher_;
    // Matched first with every loaded language: a document whose names are all English (or in
    // every language) is then done, and only one with a name of another language is identified
    // and matched again with its own languages (a longer inactive name must not hide a shorter
    // active one, so the first matches cannot merely be filtered).
    matcher.find_mentions(text, scratch_, result_.mentions);
    if (detection_ != LanguageDetection::off) {
      LanguageMask name_languages = 0;  // of the names found that are not English ones
      for (const Mention& mention : result_.mentions) {
        if (mention.language != kEnglish) name_languages |= language_bit(mention.language);
      }
      if (name_languages != 0 || detection_ == LanguageDetection::always) {
        // A text asked already (checked_english) did not look English.
        if (detection_ == LanguageDetection::when_needed && !checked_english && looks_english(text)) {
          result_.languages = DetectedLanguages{language_bit(kEnglish), kEnglish, false};
        } else {
          result_.languages = decide_languages(text, name_languages);
        }
        result_.detected = true;
        // The same text again: its folded copy from the first search is searched anew.
        matcher.find_mentions_again(text, scratch_, result_.mentions, result_.languages.active());
      }
    }
  }
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
  std::uint64_t first_document = 0;  // the place in the input of documents[0], for evidence
  std::vector<RawDocument> documents;  // the first `size` are this batch's, in input order
  std::size_t size = 0;
  std::exception_ptr read_failure;  // what stopped the reader after these documents, if anything
};

struct BatchCounts {
  Counts total;
  std::map<std::string, Counts> periods;  // by label, which sorts in time order
  std::uint64_t undated = 0;
  std::uint64_t outside_range = 0;
};

// What every batch is counted with; shared read-only by the workers.
struct CountSetup {
  const Matcher& matcher;
  std::size_t entities;
  Window window;
  std::uint32_t distance;
  std::size_t evidence;
  std::optional<Slice> slice;
  std::optional<Date> since;
  std::optional<Date> until;
  LanguageDetection detection;
  const AllLanguagesMatcher* all_languages;
};

// Parses and counts a batch's documents in order. Throws the first input error among them.
BatchCounts count_batch(Batch& batch, const CountSetup& setup, DocumentParser& parser, DocumentAnalyzer& analyzer) {
  MentionCounter total(setup.entities, setup.window, setup.evidence, setup.distance);
  std::map<std::string, MentionCounter> periods;
  BatchCounts counts;
  const bool ranged = setup.since || setup.until;
  for (std::size_t i = 0; i < batch.size; ++i) {
    parser.parse(batch.documents[i]);
    const Document& document = batch.documents[i].document;
    if (!document.date) {
      ++counts.undated;
      if (ranged) continue;  // with a range asked for, a document without a date is not in it
    } else if ((setup.since && *document.date < *setup.since) || (setup.until && *setup.until < *document.date)) {
      ++counts.outside_range;
      continue;
    }
    const AnalyzedDocument& analyzed = analyzer.analyze(document.text);
    const DocumentSource source{document.id, document.text, document.date, document.title, batch.first_document + i};
    total.add_document(analyzed.mentions, analyzed.segmentation, source);
    if (setup.slice && document.date) {
      auto [it, inserted] = periods.try_emplace(period_label(*document.date, *setup.slice), setup.entities,
                                                setup.window, 0, setup.distance);
      it->second.add_document(analyzed.mentions, analyzed.segmentation, source);
    }
  }
  if (batch.read_failure) std::rethrow_exception(batch.read_failure);
  counts.total = total.counts();
  for (const auto& [label, counter] : periods) counts.periods.emplace(label, counter.counts());
  return counts;
}

// Kept strings grow to the longest text each slot has held; past `budget` bytes of capacity
// the rest are freed, so what a batch keeps does not grow with the length of the input.
void release_spare_capacity(Batch& batch, std::size_t budget) {
  std::size_t kept = 0;
  for (RawDocument& raw : batch.documents) {
    kept += raw.record.capacity() + raw.document.text.capacity() + raw.document.id.capacity() +
            raw.document.source.capacity();
    if (kept <= budget) continue;
    // Assigning an empty string would keep the buffer; swapping one in lets it go.
    RawDocument released;
    std::swap(raw, released);
  }
}

// Counts every document of a reader on `threads` threads, the calling one among them. Each
// thread in turn takes the reader and reads a batch of records into documents of its own; then,
// with the reader free for the next thread, it parses and counts them: the text is parsed and
// counted by the core that read it, and freed or reused by the thread that allocated it.
// Finished batches are merged in input order by whichever thread finishes the next one due, and
// a thread reads a new batch only while fewer than 2 × threads + 1 are read and not yet merged,
// which bounds memory whatever the input's size.
//
// An input error ends the count, and the one reported is the first in input order: batches are
// numbered as they are read, nothing is read after an error, and every batch read before it is
// still parsed to the end (one of them may hold an earlier error).
class ParallelCount {
 public:
  using Merge = std::function<void(BatchCounts&&)>;

  ParallelCount(DocumentReader& reader, const CountSetup& setup, const CountOptions& options, Merge merge)
      : reader_(reader), setup_(setup), options_(options), merge_(std::move(merge)) {}

  void run(std::size_t threads) {
    limit_ = 2 * threads + 1;
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    for (std::size_t i = 1; i < threads; ++i) {
      try {
        helpers.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        break;  // no more threads to be had: count with those running, to the same result
      }
    }
    work();
    for (std::thread& helper : helpers) helper.join();
    if (failure_) std::rethrow_exception(failure_);
  }

  std::uint64_t undated() const noexcept { return undated_; }
  std::uint64_t outside_range() const noexcept { return outside_range_; }

 private:
  void work() {
    Batch batch;
    try {
      DocumentParser parser(reader_.options());
      DocumentAnalyzer analyzer(setup_.matcher, setup_.window == Window::tokens, setup_.detection,
                                setup_.all_languages);
      while (read_batch(batch)) {
        BatchCounts counts = count_batch(batch, setup_, parser, analyzer);
        deliver(batch.serial, std::move(counts));
        release_spare_capacity(batch, 2 * options_.batch_bytes);
      }
      // Which fields the records had: sums, the same whichever thread parsed what.
      std::lock_guard read_lock(read_mutex_);
      reader_.add_field_counts(parser.field_counts());
    } catch (...) {  // an input error, or an allocation failure
      fail(batch.serial, std::current_exception());
    }
  }

  // Fills `batch` with the next records; false when there are none or the count has failed.
  bool read_batch(Batch& batch) {
    std::lock_guard read_lock(read_mutex_);
    if (reader_done_) return false;
    {
      std::unique_lock lock(merge_mutex_);
      merged_.wait(lock, [this] { return failure_ || next_serial_ - next_to_merge_ < limit_; });
      if (failure_) return false;
    }
    std::size_t bytes = 0;
    batch.size = 0;
    batch.read_failure = nullptr;
    batch.serial = next_serial_;
    batch.first_document = progress_.documents;
    try {
      while (bytes < options_.batch_bytes && batch.size < kBatchDocuments) {
        if (batch.size == batch.documents.size()) batch.documents.emplace_back();
        RawDocument& raw = batch.documents[batch.size];
        if (!reader_.next_raw(raw)) {
          reader_done_ = true;
          break;
        }
        bytes += raw.input_bytes();
        ++batch.size;
      }
    } catch (...) {
      // The records read before the error still need parsing: one may hold an earlier error.
      batch.read_failure = std::current_exception();
      reader_done_ = true;
    }
    if (batch.size == 0 && !batch.read_failure) return false;
    ++next_serial_;
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
      undated_ += next->second.undated;
      outside_range_ += next->second.outside_range;
      merge_(std::move(next->second));
      done_.erase(next);
      ++next_to_merge_;
    }
    merged_.notify_all();
  }

  // Keeps the failure of the earliest batch.
  void fail(std::uint64_t serial, std::exception_ptr failure) {
    std::lock_guard lock(merge_mutex_);
    if (!failure_ || serial < failure_serial_) {
      failure_ = std::move(failure);
      failure_serial_ = serial;
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
  ReadProgress progress_;

  // Under merge_mutex_: finished batches waiting for their turn, the merge itself, and failures.
  std::mutex merge_mutex_;
  std::condition_variable merged_;
  std::map<std::uint64_t, BatchCounts> done_;
  std::uint64_t next_to_merge_ = 0;
  std::uint64_t undated_ = 0;
  std::uint64_t outside_range_ = 0;
  std::exception_ptr failure_;
  std::uint64_t failure_serial_ = 0;
};

}  // namespace

CoMentionGraph count_documents(DocumentReader& reader, const Matcher& matcher, const Gazetteer& gazetteer,
                               const CountOptions& options) {
  const CountSetup setup{matcher,
                         gazetteer.entities().size(),
                         options.graph.window,
                         options.graph.token_distance,
                         options.evidence,
                         options.slice,
                         options.since,
                         options.until,
                         options.detection,
                         options.all_languages};
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
  // A misspelt --date-field must not pass for a corpus without dates.
  check_named_fields(reader.field_counts(), reader.options());
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
    // The list names every period of the range, quiet ones too (issue 12): from --since, or the
    // first period with a document, to --until, or the last one.
    std::optional<Date> first = options.since;
    std::optional<Date> last = options.until;
    if (!first && !graph.info.periods.empty()) first = period_start(graph.info.periods.front());
    if (!last && !graph.info.periods.empty()) last = period_start(graph.info.periods.back());
    if (first && last && *first <= *last) graph.info.periods = period_range(*first, *last, *options.slice);
  }
  if (options.slice || ranged) {
    graph.info.undated = undated;
    graph.info.outside_range = outside_range;
  }
  return graph;
}

}  // namespace comention
