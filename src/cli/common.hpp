// Pieces the subcommands share.
#pragma once

#include "comention/gazetteer.hpp"
#include "options.hpp"

namespace comention::cli {

// The built-in gazetteer (unless switched off) with the --gazetteer files on top, in order.
Gazetteer load_gazetteer(const GazetteerOptions& options);

}  // namespace comention::cli
