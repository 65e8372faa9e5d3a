// The project file: one SQLite database holding a whole film project. Every write is its own
// transaction (there is no unsaved state); images are BLOBs with a cached thumbnail beside them.
// Lives on the main thread; CPU work such as thumbnailing can run elsewhere through makeThumbnail().
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

namespace SQLite {
class Database;
class Statement;
} // namespace SQLite

namespace shotcraft::storage {

struct ProjectStats {
    int schemaVersion = 0;
    qint64 fileSize = 0;
    int acts = 0, scenes = 0, shots = 0, characters = 0, locations = 0, takes = 0, jobs = 0, images = 0;
};

struct StoredImage {
    Id id = 0;
    QByteArray format; // "png", "jpeg", ...
    int width = 0;
    int height = 0;
};

class ProjectStore {
public:
    ~ProjectStore();
    ProjectStore(const ProjectStore &) = delete;
    ProjectStore &operator=(const ProjectStore &) = delete;

    // Creates a new project file (refusing to overwrite an existing one) holding `project`.
    static Result<std::unique_ptr<ProjectStore>> create(const QString &path, const Project &project);
    // Opens an existing project file; a foreign, newer, damaged or non-SQLite file is refused with a
    // one-line reason and left untouched.
    static Result<std::unique_ptr<ProjectStore>> open(const QString &path);
    // Opens and loads in one step, for callers that only read the project.
    static Result<Project> read(const QString &path);

    QString path() const { return m_path; }
    SQLite::Database &database() { return *m_db; }

    // Everything but image bytes.
    Result<Project> load();
    ProjectStats stats();

    // Replaces the whole content (used when a project is first made).
    Status replaceProject(const Project &project);
    Status saveInfo(const ProjectInfo &info);
    Result<ProjectInfo> info();

    // Insert or update one entity by id: each call is one transaction.
    Status save(const Act &act);
    Status save(const Scene &scene);
    Status save(const Shot &shot);
    Status save(const Character &character);
    Status save(const Location &location);
    Status save(const Palette &palette);
    Status save(const StyleToken &token);
    Status save(const ReferenceImage &reference);
    Status save(const Take &take);
    Status save(const Job &job);
    Status save(const ChatMessage &message);

    Status removeAct(Id id);
    Status removeScene(Id id); // and its shots and their takes
    Status removeShot(Id id);  // and its takes
    Status removeCharacter(Id id);
    Status removeLocation(Id id);
    Status removePalette(Id id);
    Status removeStyleToken(Id id);
    Status removeReference(Id id);
    Status removeJob(Id id);

    Result<Shot> shot(Id id);
    Result<Take> take(Id id);
    Result<Job> job(Id id);
    QList<Take> takesOfShot(Id shotId);
    QList<Job> jobs();
    // The take stored for a job's idempotency key, if any (a crash can leave a take without its job
    // marked succeeded; the pipeline must find it rather than generate again).
    std::optional<Take> takeForJob(Id jobId);

    // Moves a shot to `newOrder` within its scene and renumbers the others, in one transaction.
    Status moveShot(Id shotId, int newOrder);
    // What a generation run writes into entities a user may be editing in another process: only
    // the one field, so an edit stored meanwhile is kept. The take becomes the shot's approved one
    // only while it has none; returns whether it did.
    Result<bool> approveIfUnapproved(Id shotId, Id takeId);
    Status setReferenceImage(Id referenceId, Id imageId);

    // Allocates a project-unique id (persisted, so ids are never reused).
    Result<Id> allocateId();

    // Stores encoded image bytes (PNG, JPEG, ...). `thumbnail` may be precomputed off the main thread.
    Result<StoredImage> addImage(const QByteArray &encoded, const QByteArray &thumbnail = {});
    Result<QByteArray> imageData(Id imageId);
    Result<QByteArray> thumbnailData(Id imageId);

    // Runs several writes as one transaction (one user edit); any failure rolls all of them back.
    Status transaction(const std::function<Status()> &writes);

    // Copies the project to `path` through SQLite's online backup and continues there.
    Status saveAs(const QString &path);
    // Copies the project to `path` and stays on the current file.
    Status backupTo(const QString &path);

    // A JPEG thumbnail at most `maxSide` pixels on its longer side; safe on any thread.
    static QByteArray makeThumbnail(const QByteArray &encoded, int maxSide = 384);

private:
    explicit ProjectStore(QString path, std::unique_ptr<SQLite::Database> db);
    static Result<std::unique_ptr<ProjectStore>> openConnection(const QString &path, bool creating);
    SQLite::Statement &statement(const std::string &sql);
    template <typename T> Status upsert(const T &value);
    template <typename T> QList<T> loadAll(const std::string &sql);
    Status removeFrom(const char *table, Id id);
    Status bumpNextId(Id usedId);
    void configureConnection();

    QString m_path;
    std::unique_ptr<SQLite::Database> m_db;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> m_statements;
    // Resets every cached statement. A single-row read left unfinished keeps a read snapshot open;
    // another process's commit then makes this connection's next write fail at once (SQLite does not
    // wait on the busy timeout when a transaction is already open), and its reads go stale.
    void releaseSnapshot();
    int m_transactionDepth = 0;
};

} // namespace shotcraft::storage
