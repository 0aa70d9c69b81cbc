#pragma once
// The ports a case's life touches: the case itself, the enterprise and its archive (for
// guards and documents), the registers its effects write and read, and its timers.
#include "ports/archive_store.hpp"
#include "ports/case_store.hpp"
#include "ports/register_store.hpp"
#include "ports/timer_store.hpp"

namespace qc {

struct CasePorts {
  CaseStore& cases;
  ArchiveStore& archive;
  RegisterStore& registers;
  TimerStore& timers;

  // Every port from one object that implements them all (the store, or a test's fake).
  template <typename AllPorts>
  static CasePorts of(AllPorts& s) {
    return CasePorts{s, s, s, s};
  }
};

}  // namespace qc
