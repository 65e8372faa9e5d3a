// The project file's schema as an ordered list of migration steps. A new file runs them all; an
// older file runs the ones it lacks, all in one transaction.
#pragma once

#include "domain/Result.h"

#include <functional>
#include <vector>

namespace SQLite {
class Database;
}

namespace shotcraft::storage {

// "SHOT": PRAGMA application_id of every Shotcraft project file.
inline constexpr int kApplicationId = 0x53484F54;

struct MigrationStep {
    int toVersion; // user_version after the step
    const char *description;
    std::function<void(SQLite::Database &)> apply; // throws SQLite::Exception on failure
};

// The real history of the schema, oldest first.
const std::vector<MigrationStep> &schemaMigrations();
int currentSchemaVersion();

// Brings a database from its user_version to the last step's version in one transaction; on any
// failure nothing changes. Steps are taken as given so tests can run synthetic histories.
Status migrate(SQLite::Database &db, const std::vector<MigrationStep> &steps);

} // namespace shotcraft::storage
