#pragma once
// Numbered schema migrations, applied in order at start. Each runs in one transaction that
// also records its number in schema_migrations, so a restart (or a second server starting
// at the same time on PostgreSQL) applies each exactly once.
#include "store/database.hpp"

namespace qc::store {

// Throws soci::soci_error when a migration fails (that migration is rolled back).
void migrate(Database& db);
// How many migrations this build knows (each applied once, recorded in schema_migrations).
size_t migration_count();

}  // namespace qc::store
