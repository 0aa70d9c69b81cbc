#include <iostream>

#include "app/application.hpp"
#include "app/options.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string message;
  auto options = qc::app::parse_options(args, message);
  if (!options) {
    const bool help = message == qc::app::usage();
    (help ? std::cout : std::cerr) << message;
    return help ? 0 : 2;
  }
  return qc::app::run(*options);
}
