#include "comention/weighting.hpp"

#include <cmath>

namespace comention {

std::string_view to_string(WeightMeasure measure) noexcept {
  switch (measure) {
    case WeightMeasure::count: return "count";
    case WeightMeasure::pmi: return "pmi";
    case WeightMeasure::npmi: return "npmi";
    case WeightMeasure::jaccard: return "jaccard";
    case WeightMeasure::dice: return "dice";
    case WeightMeasure::association: return "association";
  }
  return "count";
}

std::optional<WeightMeasure> parse_weight_measure(std::string_view name) noexcept {
  for (const WeightMeasure measure : {WeightMeasure::count, WeightMeasure::pmi, WeightMeasure::npmi,
                                      WeightMeasure::jaccard, WeightMeasure::dice,
                                      WeightMeasure::association}) {
    if (to_string(measure) == name) return measure;
  }
  return std::nullopt;
}

double edge_weight(WeightMeasure measure, std::uint64_t together, std::uint64_t windows_a,
                   std::uint64_t windows_b, std::uint64_t total) noexcept {
  const auto c = static_cast<double>(together);
  const auto a = static_cast<double>(windows_a);
  const auto b = static_cast<double>(windows_b);
  const auto n = static_cast<double>(total);
  switch (measure) {
    case WeightMeasure::count: return c;
    case WeightMeasure::pmi: return std::log2(c * n / (a * b));
    case WeightMeasure::npmi: {
      // Two entities named together in every window are as tied as can be: 1 by definition,
      // where the formula would divide zero by zero.
      if (together >= total) return 1.0;
      return std::log2(c * n / (a * b)) / -std::log2(c / n);
    }
    case WeightMeasure::jaccard: return c / (a + b - c);
    case WeightMeasure::dice: return 2.0 * c / (a + b);
    case WeightMeasure::association: return c * n / (a * b);
  }
  return c;
}

}  // namespace comention
