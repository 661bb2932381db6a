// Unit tests for weighting.hpp: each measure against values worked out by hand.
#include "comention/weighting.hpp"

#include <doctest/doctest.h>

#include <cmath>

using comention::WeightMeasure;

TEST_SUITE("weighting") {

// Together in 2 windows of 20; one entity in 4 windows, the other in 5.
TEST_CASE("each measure on one worked example") {
  auto weigh = [](WeightMeasure measure) { return comention::edge_weight(measure, 2, 4, 5, 20); };
  CHECK(weigh(WeightMeasure::count) == 2.0);
  CHECK(weigh(WeightMeasure::pmi) == doctest::Approx(1.0));                  // log2(2*20/(4*5))
  CHECK(weigh(WeightMeasure::npmi) == doctest::Approx(1.0 / std::log2(10.0)));  // 1 / -log2(2/20)
  CHECK(weigh(WeightMeasure::jaccard) == doctest::Approx(2.0 / 7.0));         // 2 / (4+5-2)
  CHECK(weigh(WeightMeasure::dice) == doctest::Approx(4.0 / 9.0));            // 2*2 / (4+5)
  CHECK(weigh(WeightMeasure::association) == doctest::Approx(2.0));           // 2*20 / (4*5)
}

TEST_CASE("independent entities score pmi 0, npmi 0 and association 1") {
  // 10 of 100 windows each, together in 1: exactly what chance predicts.
  CHECK(comention::edge_weight(WeightMeasure::pmi, 1, 10, 10, 100) == doctest::Approx(0.0));
  CHECK(comention::edge_weight(WeightMeasure::npmi, 1, 10, 10, 100) == doctest::Approx(0.0));
  CHECK(comention::edge_weight(WeightMeasure::association, 1, 10, 10, 100) == doctest::Approx(1.0));
}

TEST_CASE("entities always named together score the maximum") {
  CHECK(comention::edge_weight(WeightMeasure::npmi, 3, 3, 3, 10) == doctest::Approx(1.0));
  CHECK(comention::edge_weight(WeightMeasure::npmi, 5, 5, 5, 5) == 1.0);  // every window: 0/0 avoided
  CHECK(comention::edge_weight(WeightMeasure::jaccard, 3, 3, 3, 10) == doctest::Approx(1.0));
  CHECK(comention::edge_weight(WeightMeasure::dice, 3, 3, 3, 10) == doctest::Approx(1.0));
}

TEST_CASE("measure names read and write") {
  for (const auto measure : {WeightMeasure::count, WeightMeasure::pmi, WeightMeasure::npmi, WeightMeasure::jaccard,
                             WeightMeasure::dice, WeightMeasure::association}) {
    CHECK(comention::parse_weight_measure(comention::to_string(measure)) == measure);
  }
  CHECK_FALSE(comention::parse_weight_measure("PMI").has_value());
}

}
