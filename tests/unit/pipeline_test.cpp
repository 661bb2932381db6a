// Unit tests for pipeline.hpp: a whole run from files to graph, through the library alone.
#include "comention/pipeline.hpp"

#include <doctest/doctest.h>

#include <boost/range/iterator_range.hpp>

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

}
