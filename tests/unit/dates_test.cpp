// Unit tests for dates.hpp: the date forms news feeds use, and period labels.
#include "comention/dates.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using comention::Date;
using comention::parse_date;
using comention::Slice;

TEST_SUITE("dates") {

TEST_CASE("ISO 8601 dates, with or without a time") {
  CHECK(parse_date("2026-03-02") == Date{2026, 3, 2});
  CHECK(parse_date("2026-03-02T10:15:00Z") == Date{2026, 3, 2});
  CHECK(parse_date("2026-03-02 10:15") == Date{2026, 3, 2});
  CHECK(parse_date("2026/03/02") == Date{2026, 3, 2});
  CHECK(parse_date("20260302") == Date{2026, 3, 2});
}

TEST_CASE("written-out months, and the Reuters form") {
  CHECK(parse_date("26-FEB-1987 15:01:01.79") == Date{1987, 2, 26});
  CHECK(parse_date("2 March 2026") == Date{2026, 3, 2});
  CHECK(parse_date("March 2, 2026") == Date{2026, 3, 2});
  CHECK(parse_date("Mar. 2 2026") == Date{2026, 3, 2});
  CHECK(parse_date("Sept 30, 2025") == Date{2025, 9, 30});
}

TEST_CASE("impossible and ambiguous dates are refused, not guessed") {
  CHECK_FALSE(parse_date("2026-02-30").has_value());
  CHECK_FALSE(parse_date("2025-02-29").has_value());
  CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK_FALSE(parse_date("03/02/2026").has_value());
  CHECK_FALSE(parse_date("2026-3-2").has_value());
  CHECK_FALSE(parse_date("yesterday").has_value());
  CHECK_FALSE(parse_date("").has_value());
  CHECK_FALSE(parse_date("2026-03-02x").has_value());
}

TEST_CASE("period labels, with ISO weeks across year ends") {
  CHECK(comention::period_label({2026, 3, 2}, Slice::day) == "2026-03-02");
  CHECK(comention::period_label({2026, 3, 2}, Slice::month) == "2026-03");
  CHECK(comention::period_label({2026, 3, 2}, Slice::year) == "2026");
  CHECK(comention::period_label({2026, 3, 2}, Slice::week) == "2026-W10");
  CHECK(comention::period_label({2026, 1, 1}, Slice::week) == "2026-W01");  // a Thursday
  CHECK(comention::period_label({2021, 1, 1}, Slice::week) == "2020-W53");  // a Friday
  CHECK(comention::period_label({2024, 12, 30}, Slice::week) == "2025-W01");  // a Monday
  CHECK(comention::period_label({2020, 12, 31}, Slice::week) == "2020-W53");
  CHECK(comention::period_label({1987, 2, 26}, Slice::week) == "1987-W09");
}

TEST_CASE("slice names") {
  CHECK(comention::parse_slice("week") == Slice::week);
  CHECK_FALSE(comention::parse_slice("decade").has_value());
}


TEST_CASE("period_range lists every period between two dates, empty ones included") {
  CHECK(comention::period_range(Date{2026, 1, 30}, Date{2026, 2, 2}, Slice::day) ==
        std::vector<std::string>{"2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02"});
  CHECK(comention::period_range(Date{2025, 11, 20}, Date{2026, 2, 1}, Slice::month) ==
        std::vector<std::string>{"2025-11", "2025-12", "2026-01", "2026-02"});
  // ISO weeks across a year end: 2020 has a week 53.
  CHECK(comention::period_range(Date{2020, 12, 24}, Date{2021, 1, 11}, Slice::week) ==
        std::vector<std::string>{"2020-W52", "2020-W53", "2021-W01", "2021-W02"});
  CHECK(comention::period_range(Date{1987, 2, 26}, Date{1987, 2, 26}, Slice::year) == std::vector<std::string>{"1987"});
}

TEST_CASE("period_start gives a period's first day") {
  CHECK(comention::period_start("2026-W10") == Date{2026, 3, 2});
  CHECK(comention::period_start("2021-W01") == Date{2021, 1, 4});
  CHECK(comention::period_start("2020-W53") == Date{2020, 12, 28});
  CHECK(comention::period_start("2026-03") == Date{2026, 3, 1});
  CHECK(comention::period_start("1987") == Date{1987, 1, 1});
  CHECK(comention::period_start("1987-02-26") == Date{1987, 2, 26});
  CHECK(comention::period_end("2026-02") == Date{2026, 2, 28});
  CHECK(comention::period_end("2020-W53") == Date{2021, 1, 3});
  CHECK(comention::period_end("1987") == Date{1987, 12, 31});
  CHECK_FALSE(comention::period_start("March"));
  CHECK_FALSE(comention::period_start("2026-13"));
}

}  // TEST_SUITE
