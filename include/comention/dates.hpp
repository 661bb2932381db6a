// Dates of documents, and the periods (day, week, month, year) that time slices group them by.
//
//   auto date = comention::parse_date("26-FEB-1987 15:01:01.79");   // {1987, 2, 26}
//   comention::period_label(*date, comention::Slice::week);          // "1987-W09"
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace comention {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  auto operator<=>(const Date&) const = default;
};

// Reads the date at the start of text; a time after it is ignored. Accepted: ISO 8601
// "2026-03-02" (also with "T10:00:00Z" or " 10:00" after it, or "2026/03/02"), "20260302",
// "26-FEB-1987" (Reuters), "2 March 2026", "March 2, 2026" and "Mar 2 2026". Nothing else: an
// ambiguous form such as "03/02/2026" is refused rather than guessed.
std::optional<Date> parse_date(std::string_view text) noexcept;

enum class Slice { day, week, month, year };
std::string_view to_string(Slice slice) noexcept;
std::optional<Slice> parse_slice(std::string_view text) noexcept;

// "2026-03-02", ISO week "2026-W10", "2026-03" or "2026": labels sort in time order.
std::string period_label(const Date& date, Slice slice);

// Every period from the one holding `first` to the one holding `last`, in time order, those
// no document falls in included: a timeline shows a quiet month as a zero, not as a gap.
std::vector<std::string> period_range(const Date& first, const Date& last, Slice slice);

// The first day of a period_label ("2026-W10" -> 2026-03-02), if it is one.
std::optional<Date> period_start(std::string_view label) noexcept;
// Its last day ("2026-02" -> 2026-02-28).
std::optional<Date> period_end(std::string_view label);

}  // namespace comention
