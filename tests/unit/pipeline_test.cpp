// Unit tests for pipeline.hpp: a whole run from files to graph, through the library alone.
#include "comention/pipeline.hpp"

#include <doctest/doctest.h>

#include <boost/range/iterator_range.hpp>
#include <sstream>
#include <string>

#include "comention/error.hpp"
#include "comention/export.hpp"

#include "pack.hpp"
#include "test_support.hpp"

using comention::testing::TempDir;

TEST_SUITE("pipeline") {

TEST_CASE("count_documents reads, counts per period and keeps a date range") {
  const TempDir dir;
  const std::string corpus = dir.write("news.jsonl",
                                       "{\"id\": \"a\", \"day\": \"2026-01-05\", \"text\": \"China met Iran.\"}\n"
                                       "{\"id\": \"b\", \"day\": \"2026-02-01\", \"text\": \"Iran met China.\"}\n"
                                       "{\"id\": \"c\", \"text\": \"China met Iran, undated.\"}\n");
  const auto gazetteer = comention::Gazetteer::builtin();
  const comention::Matcher matcher(gazetteer);
  comention::ReaderOptions reading;
  reading.date_field = "day";

  comention::CountOptions options;
  options.slice = comention::Slice::month;
  options.evidence = 1;
  comention::DocumentReader all({corpus}, reading);
  const auto sliced = comention::count_documents(all, matcher, gazetteer, options);
  CHECK(sliced.info.periods == std::vector<std::string>{"2026-01", "2026-02"});
  CHECK(sliced.info.undated == 1);
  const auto& g = sliced.graph;
  REQUIRE(boost::num_edges(g) == 1);
  const auto edge = *boost::edges(g).first;
  CHECK(g[edge].count == 3);
  CHECK(g[edge].periods == std::vector<std::pair<std::string, std::uint64_t>>{{"2026-01", 1}, {"2026-02", 1}});
  REQUIRE(g[edge].evidence.size() == 1);
  CHECK(g[edge].evidence[0].document == "a");

  comention::CountOptions ranged;
  ranged.since = comention::Date{2026, 1, 10};
  comention::DocumentReader again({corpus}, reading);
  const auto february = comention::count_documents(again, matcher, gazetteer, ranged);
  CHECK(february.info.documents == 1);
  CHECK(february.info.outside_range == 1);
  CHECK(february.info.undated == 1);
}


namespace {

// A corpus of many short dated documents naming a rotating set of countries, so that every
// batch holds different pairs and different first evidence.
std::string rotating_corpus(std::size_t documents) {
  const char* const names[] = {"China", "Iran", "Peru", "Chile", "Kenya", "Ghana", "the EU", "NATO", "Japan"};
  std::string corpus;
  for (std::size_t i = 0; i < documents; ++i) {
    const std::size_t a = i % 9;
    const std::size_t b = (i * 7 + 3) % 9;
    const std::size_t c = (i * 5 + 1) % 9;
    corpus += "{\"id\": \"d" + std::to_string(i) + "\", \"day\": \"2026-0" + std::to_string(1 + i % 9) +
              "-1" + std::to_string(i % 10) + "\", \"text\": \"" + names[a] + " and " + names[b] + " met in May. " +
              names[c] + " said no. " + std::string(i % 13, 'x') + "\"}\n";
  }
  return corpus;
}

std::string graph_json(const comention::CoMentionGraph& graph) {
  std::ostringstream out;
  comention::write_json(graph, out);
  return out.str();
}

}  // namespace

TEST_CASE("count_documents gives the same graph for any number of threads and any batch size") {
  const TempDir dir;
  const std::string corpus = dir.write("many.jsonl", rotating_corpus(3000));
  const auto gazetteer = comention::Gazetteer::builtin();
  const comention::Matcher matcher(gazetteer);
  comention::ReaderOptions reading;
  reading.date_field = "day";

  auto run = [&](std::size_t threads, std::size_t batch_bytes, comention::Window window) {
    comention::CountOptions options;
    options.threads = threads;
    options.batch_bytes = batch_bytes;
    options.evidence = 3;
    options.slice = comention::Slice::month;
    options.graph.window = window;
    if (window == comention::Window::tokens) options.graph.token_distance = 4;
    comention::ReadProgress last;
    options.on_progress = [&last](const comention::ReadProgress& progress) { last = progress; };
    comention::DocumentReader reader({corpus}, reading);
    const auto graph = comention::count_documents(reader, matcher, gazetteer, options);
    CHECK(last.documents == 3000);  // the last report counts every document
    return graph_json(graph);
  };
  for (const auto window : {comention::Window::sentence, comention::Window::document, comention::Window::tokens}) {
    CAPTURE(comention::to_string(window));
    const std::string reference = run(1, std::size_t{1} << 30, window);  // one batch, one thread
    CHECK(reference.find("\"evidence\"") != std::string::npos);
    for (const std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{8}}) {
      for (const std::size_t batch_bytes : {std::size_t{1}, std::size_t{700}, std::size_t{1} << 20}) {
        CAPTURE(threads);
        CAPTURE(batch_bytes);
        CHECK(run(threads, batch_bytes, window) == reference);
      }
    }
  }
}

TEST_CASE("a compressed archive of JSON Lines gives the same graph as the plain file, for any thread count") {
  const TempDir dir;
  const std::string corpus = rotating_corpus(3000);
  const std::string plain = dir.write("many.jsonl", corpus);
  const std::string half = corpus.substr(0, corpus.find('\n', corpus.size() / 2) + 1);
  const std::string archive = dir.write(
      "many.tar.zst", comention::testing::pack({{"a/first.jsonl", half}, {"b/second.jsonl.gz",
                                                comention::testing::compress(corpus.substr(half.size()), "gzip")}},
                                               "pax", "zstd"));
  const auto gazetteer = comention::Gazetteer::builtin();
  const comention::Matcher matcher(gazetteer);
  comention::ReaderOptions reading;
  reading.date_field = "day";
  auto run = [&](const std::string& input, std::size_t threads) {
    comention::CountOptions options;
    options.threads = threads;
    options.evidence = 3;
    options.slice = comention::Slice::month;
    comention::DocumentReader reader({input}, reading);
    return graph_json(comention::count_documents(reader, matcher, gazetteer, options));
  };
  const std::string reference = run(plain, 1);
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{4}}) {
    CAPTURE(threads);
    CHECK(run(archive, threads) == reference);
  }
}

TEST_CASE("count_documents refuses a date field that no record has, whatever the threads") {
  const TempDir dir;
  const std::string corpus = dir.write("many.jsonl", rotating_corpus(3000));
  const auto gazetteer = comention::Gazetteer::builtin();
  const comention::Matcher matcher(gazetteer);
  comention::ReaderOptions reading;
  reading.date_field = "dya";
  for (const std::size_t threads : {std::size_t{1}, std::size_t{4}}) {
    comention::CountOptions options;
    options.threads = threads;
    options.batch_bytes = 4096;
    comention::DocumentReader reader({corpus}, reading);
    CHECK_THROWS_WITH_AS(comention::count_documents(reader, matcher, gazetteer, options),
                         "--date-field dya: no record has this field; records have: day, id, text",
                         comention::UsageError);
  }
}

TEST_CASE("an input error stops every thread and reaches the caller") {
  const TempDir dir;
  const std::string corpus = dir.write("bad.jsonl", rotating_corpus(500) + "{\"text\": broken}\n" + rotating_corpus(10));
  const auto gazetteer = comention::Gazetteer::builtin();
  const comention::Matcher matcher(gazetteer);
  for (const std::size_t threads : {std::size_t{1}, std::size_t{4}}) {
    comention::CountOptions options;
    options.threads = threads;
    options.batch_bytes = 100;
    comention::DocumentReader reader({corpus}, {});
    CHECK_THROWS_AS(comention::count_documents(reader, matcher, gazetteer, options), comention::InputError);
  }
}

TEST_CASE("a batch holds about batch_bytes of records, however often its buffers are reused") {
  const TempDir dir;
  const std::string records = rotating_corpus(3000);
  const std::string corpus = dir.write("many.jsonl", records);
  const auto gazetteer = comention::Gazetteer::builtin();
  const comention::Matcher matcher(gazetteer);
  constexpr std::size_t kBatchBytes = 4096;
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
    CAPTURE(threads);
    comention::CountOptions options;
    options.threads = threads;
    options.batch_bytes = kBatchBytes;
    std::size_t reports = 0;
    options.on_progress = [&reports](const comention::ReadProgress&) { ++reports; };
    comention::DocumentReader reader({corpus}, {});
    comention::count_documents(reader, matcher, gazetteer, options);
    // One report a batch; a batch closes once its records reach kBatchBytes, so there are no
    // more batches than that many bytes fit in the file, and not many fewer.
    CHECK(reports <= records.size() / kBatchBytes + 1);
    CHECK(reports >= records.size() / kBatchBytes * 9 / 10);
  }
}

// Where counting `input` fails: "FILE:LINE", or "no error".
std::string first_error(const std::string& input, std::size_t threads, std::size_t batch_bytes) {
  static const auto gazetteer = comention::Gazetteer::builtin();
  static const comention::Matcher matcher(gazetteer);
  comention::CountOptions options;
  options.threads = threads;
  options.batch_bytes = batch_bytes;
  comention::DocumentReader reader({input}, {});
  try {
    comention::count_documents(reader, matcher, gazetteer, options);
  } catch (const comention::InputError& error) {
    return error.file() + ":" + std::to_string(error.line());
  }
  return "no error";
}

TEST_CASE("the input error reported is the first in input order, whatever the threads and batches") {
  // Records are parsed by the counting threads, in batches that finish in any order; the error
  // must still be the earliest one. In the folder, a.jsonl has two malformed records and b.txt
  // (read after it, by the reader itself) is not UTF-8: the reader fails on b.txt while a.jsonl's
  // records of that batch are still unparsed.
  const TempDir dir;
  dir.write("in/a.jsonl", rotating_corpus(300) + "{\"text\": broken}\n" + rotating_corpus(900) + "[1]\n" +
                              rotating_corpus(50));
  dir.write("in/b.txt", "Iran and \xFF China\n");
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{8}}) {
    for (const std::size_t batch_bytes : {std::size_t{1}, std::size_t{700}, std::size_t{1} << 30}) {
      CAPTURE(threads);
      CAPTURE(batch_bytes);
      CHECK(first_error(dir.path("in"), threads, batch_bytes) == dir.path("in/a.jsonl") + ":301");
    }
  }
  // An earlier batch that is slow to count (a 2 MB document before its bad record) fails after a
  // later batch that fails at once: still the earlier error is the one.
  std::string text;
  while (text.size() < (std::size_t{2} << 20)) text += "China and Iran met in Rome. ";
  const TempDir slow;
  const std::string slow_corpus = slow.write(
      "slow.jsonl", rotating_corpus(100) + "{\"text\": \"" + text + "\"}\n{\"text\": broken}\n" +
                        rotating_corpus(2100) + "[1]\n" + rotating_corpus(100));
  for (const std::size_t threads : {std::size_t{2}, std::size_t{4}}) {
    CAPTURE(threads);
    CHECK(first_error(slow_corpus, threads, std::size_t{5} << 19) == slow_corpus + ":102");
  }
  // Without the bad records, the text file's error is the one.
  const TempDir clean;
  clean.write("in/a.jsonl", rotating_corpus(1200));
  clean.write("in/b.txt", "Iran and \xFF China\n");
  for (const std::size_t threads : {std::size_t{1}, std::size_t{3}}) {
    CHECK(first_error(clean.path("in"), threads, 700) == clean.path("in/b.txt") + ":1");
  }
}

}
