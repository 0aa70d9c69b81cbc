#pragma once
#include "auth/auth_service.hpp"
#include "service/case_service.hpp"
#include "service/registry_service.hpp"
#include "store/store.hpp"

namespace qc::app {

inline constexpr const char* kDemoPassword = "qcredit-demo";

// Demo users, enterprises, records and a few cases. Idempotent: what exists is kept.
void load_demo(Store& store, AuthService& auth, RegistryService& registry, CaseService& cases);
// Archive records for the national classification (app/demo_archive.cpp).
void load_demo_archive(RegistryService& registry);
// One published yearly quality-credit report of `uscc` (the demo user ent-1's enterprise).
void load_demo_report(Store& store, CaseService& cases, const std::string& uscc);

}  // namespace qc::app
