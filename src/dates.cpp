#include "comention/dates.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace comention {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<Date> valid(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date{year, month, day};
}

// Reads exactly `digits` digits at text[pos]; advances pos.
std::optional<int> number(std::string_view text, std::size_t& pos, std::size_t digits) {
  if (pos + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += digits;
  return value;
}

// Reads 1 or 2 digits.
std::optional<int> day_number(std::string_view text, std::size_t& pos) {
  if (pos + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[pos + 1]))) return number(text, pos, 2);
  return number(text, pos, 1);
}

// A month name or its three-letter abbreviation (any case), with an optional period.
std::optional<int> month_name(std::string_view text, std::size_t& pos) {
  std::size_t end = pos;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
  std::string word;
  for (std::size_t i = pos; i < end; ++i) word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    const bool full = word == kMonths[m];
    const bool abbreviated = word.size() >= 3 && kMonths[m].starts_with(word) && (word.size() == 3 || word == "sept");
    if (full || abbreviated) {
      pos = end;
      if (pos < text.size() && text[pos] == '.') ++pos;
      return static_cast<int>(m) + 1;
    }
  }
  return std::nullopt;
}

bool ends_date(std::string_view text, std::size_t pos) {
  return pos == text.size() || text[pos] == 'T' || text[pos] == ' ' || text[pos] == 'Z' || text[pos] == '+';
}

void skip(std::string_view text, std::size_t& pos, std::string_view characters) {
  while (pos < text.size() && characters.find(text[pos]) != std::string_view::npos) ++pos;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil algorithm).
long days_from_civil(int year, int month, int day) {
  year -= month <= 2;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// The inverse: the date `days` after 1970-01-01 (Howard Hinnant's civil algorithm).
Date civil_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long shifted_month = (5 * day_of_year + 2) / 153;
  const long day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const long month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  return {static_cast<int>(year_of_era + era * 400 + (month <= 2)), static_cast<int>(month), static_cast<int>(day)};
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) noexcept {
  std::size_t start = 0;
  skip(text, start, " \t");
  text.remove_prefix(start);
  if (text.empty()) return std::nullopt;

  std::size_t pos = 0;
  if (std::isdigit(static_cast<unsigned char>(text[0]))) {
    // 2026-03-02, 2026/03/02, 20260302
    if (auto year = number(text, pos, 4)) {
      if (pos < text.size() && (text[pos] == '-' || text[pos] == '/')) {
        const char separator = text[pos++];
        const auto month = number(text, pos, 2);
        if (!month || pos >= text.size() || text[pos] != separator) return std::nullopt;
        ++pos;
        const auto day = number(text, pos, 2);
        if (!day || !ends_date(text, pos)) return std::nullopt;
        return valid(*year, *month, *day);
      }
      const auto month = number(text, pos, 2);
      const auto day = month ? number(text, pos, 2) : std::nullopt;
      if (!day || !ends_date(text, pos)) return std::nullopt;
      return valid(*year, *month, *day);
    }
    // 26-FEB-1987, 2 March 2026
    pos = 0;
    const auto day = day_number(text, pos);
    if (!day) return std::nullopt;
    skip(text, pos, " -");
    const auto month = month_name(text, pos);
    if (!month) return std::nullopt;
    skip(text, pos, " -,");
    const auto year = number(text, pos, 4);
    if (!year || !ends_date(text, pos)) return std::nullopt;
    return valid(*year, *month, *day);
  }
  // March 2, 2026; Mar 2 2026
  const auto month = month_name(text, pos);
  if (!month) return std::nullopt;
  skip(text, pos, " ");
  const auto day = day_number(text, pos);
  if (!day) return std::nullopt;
  skip(text, pos, " ,");
  const auto year = number(text, pos, 4);
  if (!year || !ends_date(text, pos)) return std::nullopt;
  return valid(*year, *month, *day);
}

std::string_view to_string(Slice slice) noexcept {
  switch (slice) {
    case Slice::day: return "day";
    case Slice::week: return "week";
    case Slice::month: return "month";
    case Slice::year: return "year";
  }
  return "month";
}

std::optional<Slice> parse_slice(std::string_view text) noexcept {
  for (const Slice slice : {Slice::day, Slice::week, Slice::month, Slice::year}) {
    if (to_string(slice) == text) return slice;
  }
  return std::nullopt;
}

std::string period_label(const Date& date, Slice slice) {
  char buffer[32];
  switch (slice) {
    case Slice::day:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
      break;
    case Slice::month: std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month); break;
    case Slice::year: std::snprintf(buffer, sizeof buffer, "%04d", date.year); break;
    case Slice::week: {
      // ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday.
      const long days = days_from_civil(date.year, date.month, date.day);
      const long weekday = ((days % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
      const long thursday = days - weekday + 3;
      int year = date.year;
      if (thursday < days_from_civil(year, 1, 1)) --year;
      if (thursday >= days_from_civil(year + 1, 1, 1)) ++year;
      const long week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
      std::snprintf(buffer, sizeof buffer, "%04d-W%02ld", year, week);
      break;
    }
  }
  return buffer;
}

std::vector<std::string> period_range(const Date& first, const Date& last, Slice slice) {
  std::vector<std::string> labels;
  const long end = days_from_civil(last.year, last.month, last.day);
  // A day at a time: simple, and a century of days is still only 36,525 steps.
  for (long day = days_from_civil(first.year, first.month, first.day); day <= end; ++day) {
    std::string label = period_label(civil_from_days(day), slice);
    if (labels.empty() || labels.back() != label) labels.push_back(std::move(label));
  }
  return labels;
}

std::optional<Date> period_start(std::string_view label) noexcept {
  auto number = [&](std::size_t at, std::size_t length) -> int {
    int value = 0;
    if (label.size() < at + length) return -1;
    for (std::size_t i = at; i < at + length; ++i) {
      if (label[i] < '0' || label[i] > '9') return -1;
      value = value * 10 + (label[i] - '0');
    }
    return value;
  };
  const int year = number(0, 4);
  if (year < 0) return std::nullopt;
  if (label.size() == 4) return Date{year, 1, 1};
  if (label.size() == 8 && label[4] == '-' && label[5] == 'W') {
    const int week = number(6, 2);
    if (week < 1 || week > 53) return std::nullopt;
    // Week 1 holds January 4th; weeks start on Monday.
    const long january_4 = days_from_civil(year, 1, 4);
    const long weekday = ((january_4 % 7) + 7 + 3) % 7;  // 0 = Monday
    return civil_from_days(january_4 - weekday + 7L * (week - 1));
  }
  if (label.size() == 7 && label[4] == '-') {
    const int month = number(5, 2);
    if (month < 1 || month > 12) return std::nullopt;
    return Date{year, month, 1};
  }
  if (label.size() == 10 && label[4] == '-' && label[7] == '-') {
    const int month = number(5, 2);
    const int day = number(8, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    return Date{year, month, day};
  }
  return std::nullopt;
}

std::optional<Date> period_end(std::string_view label) {
  const std::optional<Date> start = period_start(label);
  if (!start) return std::nullopt;
  const Slice slice = label.size() == 4 ? Slice::year : label.size() == 7 ? Slice::month
                      : label.size() == 8 ? Slice::week : Slice::day;
  long day = days_from_civil(start->year, start->month, start->day);
  while (period_label(civil_from_days(day + 1), slice) == label) ++day;  // at most a year's steps
  return civil_from_days(day);
}

}  // namespace comention
