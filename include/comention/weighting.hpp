// Edge weights that show surprising ties rather than the most mentioned countries.
//
//   double w = comention::edge_weight(comention::WeightMeasure::npmi, together, windows_a,
//                                     windows_b, windows_total);
//
// Every measure reads four counts: `together`, the windows naming both entities; `windows_a`
// and `windows_b`, the windows naming each; and `total`, all windows read. The formulas and
// their references are in the README ("Edge weights").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace comention {

enum class WeightMeasure : std::uint8_t {
  count,        // together
  pmi,          // log2(together * total / (windows_a * windows_b))
  npmi,         // pmi / -log2(together / total), in [-1, 1]
  jaccard,      // together / (windows_a + windows_b - together)
  dice,         // 2 * together / (windows_a + windows_b)
  association,  // together * total / (windows_a * windows_b): observed over expected
};

std::string_view to_string(WeightMeasure measure) noexcept;
std::optional<WeightMeasure> parse_weight_measure(std::string_view name) noexcept;

// The weight of an edge; together >= 1, and windows_a, windows_b >= together, total >= both.
double edge_weight(WeightMeasure measure, std::uint64_t together, std::uint64_t windows_a,
                   std::uint64_t windows_b, std::uint64_t total) noexcept;

}  // namespace comention
