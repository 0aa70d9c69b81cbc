// qcredit-reliability --mode crash|disk-full|read-only|pg-restart|soak|large [--crashes N]
//   [--clients C] [--seconds S] [--db URL] [--dir DIR] [--pg-restart 'COMMAND']
//   [--cases N] [--case-kib K] [--rounds R] [--settle S]   (large)
// scripts/reliability runs every mode; ctest runs a quick crash run.
#include <filesystem>
#include <iostream>

#include "reliability/harness.hpp"
#include "support/temp_dir.hpp"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using namespace qc::test;
  Settings s;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--mode")
      s.mode = v;
    else if (a == "--crashes")
      s.crashes = std::stoi(v);
    else if (a == "--clients")
      s.clients = std::stoi(v);
    else if (a == "--seconds")
      s.seconds = std::stoi(v);
    else if (a == "--db")
      s.db = v;
    else if (a == "--dir")
      s.dir = v;
    else if (a == "--cases")
      s.cases = std::stoi(v);
    else if (a == "--case-kib")
      s.case_kib = std::stoi(v);
    else if (a == "--rounds")
      s.rounds = std::stoi(v);
    else if (a == "--settle")
      s.settle_seconds = std::stoi(v);
    else if (a == "--pg-restart")
      s.pg_restart = v;
    else {
      std::cerr << "unknown option " << a << "\n";
      return 2;
    }
  }
  try {
    TempDir workflows;
    fs::copy(fs::path(QC_SOURCE_DIR) / "tests/reliability/fixtures", workflows.path(),
             fs::copy_options::recursive);
    std::vector<std::string> args{"--simulated-clock", "--workflows", workflows.str()};
    if (!s.db.empty())
      args.insert(args.end(), {"--db", s.db});
    else if (!s.dir.empty())
      args.insert(args.end(), {"--db", "sqlite:" + s.dir + "/qc.db"});
    ServerProcess server(args);
    return Harness(s, server).run();
  } catch (const std::exception& e) {
    std::cerr << "reliability: " << e.what() << "\n";
    std::cout << "reliability: 0 passed, 1 failed\n";
    return 1;
  }
}
