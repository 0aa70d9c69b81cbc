#pragma once
#include "app/options.hpp"

namespace qc::app {

// Wires store, engine, services, timers and HTTP; serves until SIGTERM/SIGINT.
// Returns the process exit code.
int run(const Options& options);

}  // namespace qc::app
