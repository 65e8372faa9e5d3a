#include "storage/Schema.h"

#include "domain/Logging.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

namespace shotcraft::storage {

namespace {
void createCoreTables(SQLite::Database &db) {
    db.exec(R"sql(
CREATE TABLE project (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    next_id INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE acts (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE locations (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE characters (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE scenes (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE shots (
    id INTEGER PRIMARY KEY,
    scene_id INTEGER NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX shots_by_scene ON shots(scene_id, position);
CREATE TABLE palettes (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE style_tokens (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE images (
    id INTEGER PRIMARY KEY,
    format TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    data BLOB NOT NULL,
    thumbnail BLOB
);
CREATE TABLE reference_images (
    id INTEGER PRIMARY KEY,
    image_id INTEGER REFERENCES images(id) ON DELETE SET NULL,
    data TEXT NOT NULL
);
CREATE TABLE takes (
    id INTEGER PRIMARY KEY,
    shot_id INTEGER REFERENCES shots(id) ON DELETE CASCADE,
    image_id INTEGER REFERENCES images(id),
    data TEXT NOT NULL
);
CREATE INDEX takes_by_shot ON takes(shot_id);
)sql");
}

void createJobsAndChat(SQLite::Database &db) {
    db.exec(R"sql(
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL
);
CREATE INDEX jobs_by_state ON jobs(state);
ALTER TABLE takes ADD COLUMN job_id INTEGER;
CREATE INDEX takes_by_job ON takes(job_id);
CREATE TABLE chat_messages (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
)sql");
}
} // namespace

const std::vector<MigrationStep> &schemaMigrations() {
    static const std::vector<MigrationStep> steps = {
        {1, "project, story, Visual DNA, images and takes", &createCoreTables},
        {2, "persistent generation jobs and the director chat", &createJobsAndChat},
    };
    return steps;
}

int currentSchemaVersion() {
    return schemaMigrations().back().toVersion;
}

Status migrate(SQLite::Database &db, const std::vector<MigrationStep> &steps) {
    try {
        const int from = db.execAndGet("PRAGMA user_version").getInt();
        SQLite::Transaction transaction(db);
        int version = from;
        for (const MigrationStep &step : steps) {
            if (step.toVersion <= version)
                continue;
            qCInfo(lcStorage) << "migrating to schema" << step.toVersion << step.description;
            step.apply(db);
            version = step.toVersion;
        }
        if (version != from) {
            db.exec("PRAGMA user_version = " + std::to_string(version));
            db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        }
        transaction.commit();
        return Status::success();
    } catch (const std::exception &e) {
        return Status::failure(QStringLiteral("migration failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace shotcraft::storage
