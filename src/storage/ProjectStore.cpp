#include "storage/ProjectStore.h"

#include "domain/Logging.h"
#include "storage/Schema.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QStorageInfo>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

namespace shotcraft::storage {

namespace {

QString what(const std::exception &e) {
    return QString::fromUtf8(e.what());
}

// Per-entity table layout: the table, its indexed columns besides id and data, and how to bind them.
template <typename T> struct Table;

template <> struct Table<Act> {
    static constexpr const char *name = "acts";
    static std::vector<std::string> columns() { return {}; }
    static void bind(SQLite::Statement &, const Act &) {}
};
template <> struct Table<Location> {
    static constexpr const char *name = "locations";
    static std::vector<std::string> columns() { return {}; }
    static void bind(SQLite::Statement &, const Location &) {}
};
template <> struct Table<Character> {
    static constexpr const char *name = "characters";
    static std::vector<std::string> columns() { return {}; }
    static void bind(SQLite::Statement &, const Character &) {}
};
template <> struct Table<Palette> {
    static constexpr const char *name = "palettes";
    static std::vector<std::string> columns() { return {}; }
    static void bind(SQLite::Statement &, const Palette &) {}
};
template <> struct Table<StyleToken> {
    static constexpr const char *name = "style_tokens";
    static std::vector<std::string> columns() { return {}; }
    static void bind(SQLite::Statement &, const StyleToken &) {}
};
template <> struct Table<ChatMessage> {
    static constexpr const char *name = "chat_messages";
    static std::vector<std::string> columns() { return {}; }
    static void bind(SQLite::Statement &, const ChatMessage &) {}
};
template <> struct Table<Scene> {
    static constexpr const char *name = "scenes";
    static std::vector<std::string> columns() { return {"position"}; }
    static void bind(SQLite::Statement &s, const Scene &v) { s.bind(2, v.order); }
};
template <> struct Table<Shot> {
    static constexpr const char *name = "shots";
    static std::vector<std::string> columns() { return {"scene_id", "position"}; }
    static void bind(SQLite::Statement &s, const Shot &v) {
        s.bind(2, static_cast<int64_t>(v.sceneId));
        s.bind(3, v.order);
    }
};

// 0 means "none" in the domain and NULL in a foreign-key column.
void bindOptionalId(SQLite::Statement &s, int index, Id id) {
    if (id == 0)
        s.bind(index);
    else
        s.bind(index, static_cast<int64_t>(id));
}

template <> struct Table<ReferenceImage> {
    static constexpr const char *name = "reference_images";
    static std::vector<std::string> columns() { return {"image_id"}; }
    static void bind(SQLite::Statement &s, const ReferenceImage &v) { bindOptionalId(s, 2, v.imageId); }
};
template <> struct Table<Take> {
    static constexpr const char *name = "takes";
    static std::vector<std::string> columns() { return {"shot_id", "image_id", "job_id"}; }
    static void bind(SQLite::Statement &s, const Take &v) {
        bindOptionalId(s, 2, v.shotId);
        bindOptionalId(s, 3, v.imageId);
        bindOptionalId(s, 4, v.jobId);
    }
};
template <> struct Table<Job> {
    static constexpr const char *name = "jobs";
    static std::vector<std::string> columns() { return {"state", "idempotency_key"}; }
    static void bind(SQLite::Statement &s, const Job &v) {
        s.bind(2, enumName(v.state).toStdString());
        s.bind(3, (v.idempotencyKey.isEmpty() ? QStringLiteral("job-%1").arg(v.id) : v.idempotencyKey)
                      .toStdString());
    }
};

template <typename T> std::string upsertSql() {
    const std::vector<std::string> cols = Table<T>::columns();
    std::string names = "id", values = "?", updates;
    for (const std::string &c : cols) {
        names += ", " + c;
        values += ", ?";
        updates += c + " = excluded." + c + ", ";
    }
    return std::string("INSERT INTO ") + Table<T>::name + " (" + names + ", data) VALUES (" + values +
           ", ?) ON CONFLICT(id) DO UPDATE SET " + updates + "data = excluded.data";
}

template <typename T> T fromData(const SQLite::Column &column) {
    const char *text = column.getText();
    const Json json = Json::parse(text, text + column.getBytes(), nullptr, false);
    if (json.is_discarded())
        throw std::runtime_error(std::string("unreadable row in ") + Table<T>::name);
    return json.get<T>();
}

// Below this, a failure to open is reported as the full disk it almost surely is.
constexpr qint64 kLowDiskBytes = 1 << 20;

bool hasSqliteMagic(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace

ProjectStore::ProjectStore(QString path, std::unique_ptr<SQLite::Database> db)
    : m_path(std::move(path))
    , m_db(std::move(db)) {
}

ProjectStore::~ProjectStore() {
    m_statements.clear(); // statements must go before their connection
}

void ProjectStore::configureConnection() {
    sqlite3 *handle = m_db->getHandle();
    // Untrusted files: no schema-embedded functions, no writes to the schema through SQL tricks.
    sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    m_db->exec("PRAGMA trusted_schema = OFF");
    m_db->exec("PRAGMA foreign_keys = ON");
    m_db->setBusyTimeout(5000);
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::openConnection(const QString &path, bool creating) {
    using R = Result<std::unique_ptr<ProjectStore>>;
    const QString name = QFileInfo(path).fileName();
    try {
        const int flags = creating ? (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) : SQLite::OPEN_READWRITE;
        auto db = std::make_unique<SQLite::Database>(QFile::encodeName(path).toStdString(), flags);
        std::unique_ptr<ProjectStore> store(new ProjectStore(path, std::move(db)));
        store->configureConnection();
        SQLite::Database &d = *store->m_db;

        if (!creating) {
            const int appId = d.execAndGet("PRAGMA application_id").getInt();
            const int version = d.execAndGet("PRAGMA user_version").getInt();
            if (appId != kApplicationId)
                return R::failure(
                    QStringLiteral("%1 is an SQLite database but not a Shotcraft project").arg(name));
            if (version > currentSchemaVersion())
                return R::failure(QStringLiteral("%1 was made by a newer Shotcraft (schema %2; this version "
                                                 "reads up to %3)")
                                      .arg(name)
                                      .arg(version)
                                      .arg(currentSchemaVersion()));
            const std::string check = d.execAndGet("PRAGMA quick_check").getString();
            if (check != "ok")
                return R::failure(
                    QStringLiteral("%1 is damaged (%2)").arg(name, QString::fromStdString(check)));
        }

        d.exec("PRAGMA journal_mode = WAL");
        // FULL: a commit is on disk before it is acknowledged, so a crash loses nothing reported saved.
        d.exec("PRAGMA synchronous = FULL");
        if (Status migrated = migrate(d, schemaMigrations()); !migrated)
            return R::failure(QStringLiteral("%1: %2").arg(name, migrated.error()));
        return R(std::move(store));
    } catch (const std::exception &e) {
        const QString reason = what(e);
        // SQLite says "disk I/O error" when the WAL index cannot grow: name the real cause.
        const qint64 free = QStorageInfo(QFileInfo(path).absolutePath()).bytesAvailable();
        if (free >= 0 && free < kLowDiskBytes)
            return R::failure(QStringLiteral("cannot open %1: the disk is full (%2 KB free); free some space "
                                             "and open it again")
                                  .arg(name)
                                  .arg(free / 1024));
        if (reason.contains(QLatin1String("not a database")) || reason.contains(QLatin1String("malformed")))
            return R::failure(
                QStringLiteral("%1 is damaged or not a Shotcraft project (%2)").arg(name, reason));
        return R::failure(QStringLiteral("cannot open %1: %2").arg(name, reason));
    }
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::create(const QString &path, const Project &project) {
    using R = Result<std::unique_ptr<ProjectStore>>;
    if (QFileInfo::exists(path))
        return R::failure(QStringLiteral("%1 already exists").arg(QFileInfo(path).fileName()));
    auto store = openConnection(path, true);
    if (!store)
        return store;
    if (Status s = (*store)->replaceProject(project); !s) {
        store->reset();
        QFile::remove(path);
        return R::failure(s.error());
    }
    return store;
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::open(const QString &path) {
    using R = Result<std::unique_ptr<ProjectStore>>;
    const QFileInfo file(path);
    if (!file.exists())
        return R::failure(QStringLiteral("%1: no such file").arg(path));
    if (!file.isFile())
        return R::failure(QStringLiteral("%1 is not a file").arg(path));
    if (file.size() == 0 || !hasSqliteMagic(path))
        return R::failure(
            QStringLiteral("%1 is not a Shotcraft project (not an SQLite database)").arg(file.fileName()));
    // Every edit is written at once, and SQLite keeps its journal beside the file: both must be
    // writable. Refused here, a read-only project is left exactly as it was.
    if (!file.isWritable() || !QFileInfo(file.absolutePath()).isWritable())
        return R::failure(
            QStringLiteral("%1 is read-only (the file or its folder cannot be written); copy it "
                           "to a writable folder to open it")
                .arg(file.fileName()));
    auto store = openConnection(path, false);
    if (store) {
        // A project must have its project row; a bare schema is not a project.
        try {
            if ((*store)->m_db->execAndGet("SELECT count(*) FROM project").getInt() != 1)
                return R::failure(QStringLiteral("%1 has no project in it").arg(file.fileName()));
        } catch (const std::exception &e) {
            return R::failure(QStringLiteral("%1 is damaged (%2)").arg(file.fileName(), what(e)));
        }
    }
    return store;
}

Result<Project> ProjectStore::read(const QString &path) {
    auto store = open(path);
    if (!store)
        return Result<Project>::failure(store.error());
    return (*store)->load();
}

SQLite::Statement &ProjectStore::statement(const std::string &sql) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.emplace(sql, std::make_unique<SQLite::Statement>(*m_db, sql)).first;
    SQLite::Statement &s = *it->second;
    s.reset();
    s.clearBindings();
    return s;
}

void ProjectStore::releaseSnapshot() {
    for (auto &entry : m_statements)
        entry.second->tryReset();
}

Status ProjectStore::transaction(const std::function<Status()> &writes) {
    if (m_transactionDepth > 0)
        return writes(); // already inside one edit
    releaseSnapshot();
    try {
        // IMMEDIATE: the write lock is taken (waiting on the busy timeout) before anything is read, so a
        // commit by another process in between can never make the upgrade fail with "database is locked".
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        ++m_transactionDepth;
        Status result = writes();
        --m_transactionDepth;
        if (result)
            tx.commit();
        return result;
    } catch (const std::exception &e) {
        m_transactionDepth = 0;
        return Status::failure(what(e));
    }
}

Status ProjectStore::bumpNextId(Id usedId) {
    SQLite::Statement &s = statement("UPDATE project SET next_id = max(next_id, ?) WHERE id = 1");
    s.bind(1, static_cast<int64_t>(usedId + 1));
    s.exec();
    return Status::success();
}

template <typename T> Status ProjectStore::upsert(const T &value) {
    if (value.id <= 0)
        return Status::failure(QStringLiteral("cannot store an entity without an id"));
    return transaction([&]() {
        static const std::string sql = upsertSql<T>();
        SQLite::Statement &s = statement(sql);
        s.bind(1, static_cast<int64_t>(value.id));
        Table<T>::bind(s, value);
        s.bind(static_cast<int>(Table<T>::columns().size()) + 2, Json(value).dump());
        s.exec();
        return bumpNextId(value.id);
    });
}

Status ProjectStore::save(const Act &v) {
    return upsert(v);
}
Status ProjectStore::save(const Scene &v) {
    return upsert(v);
}
Status ProjectStore::save(const Shot &v) {
    return upsert(v);
}
Status ProjectStore::save(const Character &v) {
    return upsert(v);
}
Status ProjectStore::save(const Location &v) {
    return upsert(v);
}
Status ProjectStore::save(const Palette &v) {
    return upsert(v);
}
Status ProjectStore::save(const StyleToken &v) {
    return upsert(v);
}
Status ProjectStore::save(const ReferenceImage &v) {
    return upsert(v);
}
Status ProjectStore::save(const Take &v) {
    return upsert(v);
}
Status ProjectStore::save(const Job &v) {
    return upsert(v);
}
Status ProjectStore::save(const ChatMessage &v) {
    return upsert(v);
}

Result<bool> ProjectStore::approveIfUnapproved(Id shotId, Id takeId) {
    try {
        SQLite::Statement &s =
            statement("UPDATE shots SET data = json_set(data, '$.approvedTakeId', ?) WHERE id = ? AND "
                      "COALESCE(json_extract(data, '$.approvedTakeId'), 0) = 0");
        s.bind(1, static_cast<int64_t>(takeId));
        s.bind(2, static_cast<int64_t>(shotId));
        const int changed = s.exec();
        s.reset();
        return changed > 0;
    } catch (const std::exception &e) {
        return Result<bool>::failure(what(e));
    }
}

Status ProjectStore::setReferenceImage(Id referenceId, Id imageId) {
    try {
        SQLite::Statement &s = statement(
            "UPDATE reference_images SET image_id = ?, data = json_set(data, '$.imageId', ?) WHERE id = ?");
        s.bind(1, static_cast<int64_t>(imageId));
        s.bind(2, static_cast<int64_t>(imageId));
        s.bind(3, static_cast<int64_t>(referenceId));
        s.exec();
        s.reset();
        return Status::success();
    } catch (const std::exception &e) {
        return Status::failure(what(e));
    }
}

Status ProjectStore::removeFrom(const char *table, Id id) {
    try {
        SQLite::Statement &s = statement(std::string("DELETE FROM ") + table + " WHERE id = ?");
        s.bind(1, static_cast<int64_t>(id));
        s.exec();
        return Status::success();
    } catch (const std::exception &e) {
        return Status::failure(what(e));
    }
}

Status ProjectStore::removeAct(Id id) {
    return removeFrom("acts", id);
}
Status ProjectStore::removeScene(Id id) {
    return removeFrom("scenes", id);
}
Status ProjectStore::removeShot(Id id) {
    return removeFrom("shots", id);
}
Status ProjectStore::removeCharacter(Id id) {
    return removeFrom("characters", id);
}
Status ProjectStore::removeLocation(Id id) {
    return removeFrom("locations", id);
}
Status ProjectStore::removePalette(Id id) {
    return removeFrom("palettes", id);
}
Status ProjectStore::removeStyleToken(Id id) {
    return removeFrom("style_tokens", id);
}
Status ProjectStore::removeReference(Id id) {
    return removeFrom("reference_images", id);
}
Status ProjectStore::removeJob(Id id) {
    return removeFrom("jobs", id);
}

template <typename T> QList<T> ProjectStore::loadAll(const std::string &sql) {
    QList<T> out;
    SQLite::Statement &s = statement(sql);
    while (s.executeStep())
        out.append(fromData<T>(s.getColumn(0)));
    return out;
}

Result<Project> ProjectStore::load() {
    releaseSnapshot(); // read what is in the file now, not what an unfinished read last saw
    try {
        Project p;
        {
            SQLite::Statement &s = statement("SELECT next_id, data FROM project WHERE id = 1");
            if (!s.executeStep())
                return Result<Project>::failure(QStringLiteral("the file holds no project"));
            p.nextId = s.getColumn(0).getInt64();
            const Json info = Json::parse(s.getColumn(1).getString(), nullptr, false);
            if (info.is_discarded())
                return Result<Project>::failure(QStringLiteral("the project settings are unreadable"));
            p.info = info.get<ProjectInfo>();
        }
        p.acts = loadAll<Act>("SELECT data FROM acts ORDER BY id");
        p.scenes = loadAll<Scene>("SELECT data FROM scenes ORDER BY position, id");
        p.shots = loadAll<Shot>("SELECT s.data FROM shots s JOIN scenes c ON c.id = s.scene_id "
                                "ORDER BY c.position, c.id, s.position, s.id");
        p.characters = loadAll<Character>("SELECT data FROM characters ORDER BY id");
        p.locations = loadAll<Location>("SELECT data FROM locations ORDER BY id");
        p.palettes = loadAll<Palette>("SELECT data FROM palettes ORDER BY id");
        p.styleTokens = loadAll<StyleToken>("SELECT data FROM style_tokens ORDER BY id");
        p.references = loadAll<ReferenceImage>("SELECT data FROM reference_images ORDER BY id");
        p.takes = loadAll<Take>("SELECT data FROM takes ORDER BY id");
        p.jobs = loadAll<Job>("SELECT data FROM jobs ORDER BY id");
        p.chat = loadAll<ChatMessage>("SELECT data FROM chat_messages ORDER BY id");
        return p;
    } catch (const std::exception &e) {
        return Result<Project>::failure(QStringLiteral("cannot read the project: %1").arg(what(e)));
    }
}

Status ProjectStore::replaceProject(const Project &project) {
    return transaction([&]() -> Status {
        for (const char *table : {"chat_messages", "jobs", "takes", "reference_images", "shots", "scenes",
                                  "style_tokens", "palettes", "characters", "locations", "acts", "project"})
            m_db->exec(std::string("DELETE FROM ") + table);
        SQLite::Statement &s = statement("INSERT INTO project (id, next_id, data) VALUES (1, ?, ?)");
        s.bind(1, static_cast<int64_t>(project.nextId));
        s.bind(2, Json(project.info).dump());
        s.exec();
        auto saveAll = [this](const auto &list) -> Status {
            for (const auto &item : list)
                if (Status st = save(item); !st)
                    return st;
            return Status::success();
        };
        for (Status st : {saveAll(project.acts), saveAll(project.locations), saveAll(project.characters),
                          saveAll(project.scenes), saveAll(project.shots), saveAll(project.palettes),
                          saveAll(project.styleTokens), saveAll(project.references), saveAll(project.takes),
                          saveAll(project.jobs), saveAll(project.chat)})
            if (!st)
                return st;
        return Status::success();
    });
}

Status ProjectStore::saveInfo(const ProjectInfo &info) {
    try {
        SQLite::Statement &s = statement("UPDATE project SET data = ? WHERE id = 1");
        s.bind(1, Json(info).dump());
        s.exec();
        return Status::success();
    } catch (const std::exception &e) {
        return Status::failure(what(e));
    }
}

Result<ProjectInfo> ProjectStore::info() {
    try {
        SQLite::Statement &s = statement("SELECT data FROM project WHERE id = 1");
        if (!s.executeStep())
            return Result<ProjectInfo>::failure(QStringLiteral("the file holds no project"));
        const Json json = Json::parse(s.getColumn(0).getString(), nullptr, false);
        if (json.is_discarded())
            return Result<ProjectInfo>::failure(QStringLiteral("the project settings are unreadable"));
        return json.get<ProjectInfo>();
    } catch (const std::exception &e) {
        return Result<ProjectInfo>::failure(what(e));
    }
}

namespace {
// One row's JSON by id; a missing row or a database error is a one-line failure.
template <typename T, typename StatementOf>
Result<T> fetchOne(StatementOf statementOf, const char *sql, Id id, const char *entity) {
    try {
        SQLite::Statement &s = statementOf(sql);
        s.bind(1, static_cast<int64_t>(id));
        if (!s.executeStep())
            return Result<T>::failure(QStringLiteral("no %1 with id %2").arg(QLatin1String(entity)).arg(id));
        return fromData<T>(s.getColumn(0));
    } catch (const std::exception &e) {
        return Result<T>::failure(what(e));
    }
}
} // namespace

Result<Shot> ProjectStore::shot(Id id) {
    return fetchOne<Shot>(
        [this](const char *sql) -> auto & { return statement(sql); }, "SELECT data FROM shots WHERE id = ?",
        id, "shot");
}

Result<Take> ProjectStore::take(Id id) {
    return fetchOne<Take>(
        [this](const char *sql) -> auto & { return statement(sql); }, "SELECT data FROM takes WHERE id = ?",
        id, "take");
}

Result<Job> ProjectStore::job(Id id) {
    return fetchOne<Job>(
        [this](const char *sql) -> auto & { return statement(sql); }, "SELECT data FROM jobs WHERE id = ?",
        id, "job");
}

QList<Take> ProjectStore::takesOfShot(Id shotId) {
    SQLite::Statement &s = statement("SELECT data FROM takes WHERE shot_id = ? ORDER BY id");
    s.bind(1, static_cast<int64_t>(shotId));
    QList<Take> out;
    while (s.executeStep())
        out.append(fromData<Take>(s.getColumn(0)));
    return out;
}

QList<Job> ProjectStore::jobs() {
    return loadAll<Job>("SELECT data FROM jobs ORDER BY id");
}

std::optional<Take> ProjectStore::takeForJob(Id jobId) {
    SQLite::Statement &s = statement("SELECT data FROM takes WHERE job_id = ? ORDER BY id LIMIT 1");
    s.bind(1, static_cast<int64_t>(jobId));
    if (!s.executeStep())
        return std::nullopt;
    return fromData<Take>(s.getColumn(0));
}

Status ProjectStore::moveShot(Id shotId, int newOrder) {
    return transaction([&]() -> Status {
        Result<Shot> moving = shot(shotId);
        if (!moving)
            return Status::failure(moving.error());
        QList<Shot> siblings;
        SQLite::Statement &s = statement("SELECT data FROM shots WHERE scene_id = ? ORDER BY position, id");
        s.bind(1, static_cast<int64_t>(moving->sceneId));
        while (s.executeStep())
            siblings.append(fromData<Shot>(s.getColumn(0)));
        const qsizetype from = std::find_if(siblings.cbegin(), siblings.cend(),
                                            [shotId](const Shot &x) { return x.id == shotId; }) -
                               siblings.cbegin();
        const qsizetype to = std::clamp<qsizetype>(newOrder, 0, siblings.size() - 1);
        siblings.move(from, to);
        for (qsizetype i = 0; i < siblings.size(); ++i) {
            if (siblings[i].order == int(i))
                continue;
            siblings[i].order = int(i);
            if (Status st = save(siblings[i]); !st)
                return st;
        }
        return Status::success();
    });
}

Result<Id> ProjectStore::allocateId() {
    try {
        SQLite::Statement &s = statement("UPDATE project SET next_id = next_id + 1 WHERE id = 1 "
                                         "RETURNING next_id - 1");
        if (!s.executeStep())
            return Result<Id>::failure(QStringLiteral("the file holds no project"));
        const Id id = s.getColumn(0).getInt64();
        s.reset();
        return id;
    } catch (const std::exception &e) {
        return Result<Id>::failure(what(e));
    }
}

QByteArray ProjectStore::makeThumbnail(const QByteArray &encoded, int maxSide) {
    QBuffer buffer;
    buffer.setData(encoded);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > maxSide || size.height() > maxSide))
        reader.setScaledSize(size.scaled(maxSide, maxSide, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    if (image.isNull())
        return {};
    QByteArray out;
    QBuffer outBuffer(&out);
    outBuffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&outBuffer, "jpeg");
    writer.setQuality(85);
    writer.write(image.convertToFormat(QImage::Format_RGB32));
    return out;
}

Result<StoredImage> ProjectStore::addImage(const QByteArray &encoded, const QByteArray &thumbnail) {
    using R = Result<StoredImage>;
    QBuffer buffer;
    buffer.setData(encoded);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    StoredImage image;
    image.format = reader.format();
    const QSize size = reader.size();
    if (image.format.isEmpty() || !size.isValid())
        return R::failure(QStringLiteral("not an image Shotcraft can read"));
    image.width = size.width();
    image.height = size.height();
    const QByteArray thumb = thumbnail.isEmpty() ? makeThumbnail(encoded) : thumbnail;
    Result<Id> id = allocateId();
    if (!id)
        return R::failure(id.error());
    image.id = *id;
    try {
        SQLite::Statement &s = statement(
            "INSERT INTO images (id, format, width, height, data, thumbnail) VALUES (?, ?, ?, ?, ?, ?)");
        s.bind(1, static_cast<int64_t>(image.id));
        s.bind(2, image.format.toStdString());
        s.bind(3, image.width);
        s.bind(4, image.height);
        s.bind(5, encoded.constData(), static_cast<int>(encoded.size()));
        s.bind(6, thumb.constData(), static_cast<int>(thumb.size()));
        s.exec();
        return image;
    } catch (const std::exception &e) {
        return R::failure(what(e));
    }
}

namespace {
Result<QByteArray> blobColumn(SQLite::Statement &s, Id imageId) {
    s.bind(1, static_cast<int64_t>(imageId));
    if (!s.executeStep())
        return Result<QByteArray>::failure(QStringLiteral("no image with id %1").arg(imageId));
    const SQLite::Column c = s.getColumn(0);
    QByteArray bytes(static_cast<const char *>(c.getBlob()), c.getBytes());
    s.reset();
    return bytes;
}
} // namespace

Result<QByteArray> ProjectStore::imageData(Id imageId) {
    try {
        return blobColumn(statement("SELECT data FROM images WHERE id = ?"), imageId);
    } catch (const std::exception &e) {
        return Result<QByteArray>::failure(what(e));
    }
}

Result<QByteArray> ProjectStore::thumbnailData(Id imageId) {
    try {
        return blobColumn(statement("SELECT thumbnail FROM images WHERE id = ?"), imageId);
    } catch (const std::exception &e) {
        return Result<QByteArray>::failure(what(e));
    }
}

ProjectStats ProjectStore::stats() {
    ProjectStats st;
    st.schemaVersion = m_db->execAndGet("PRAGMA user_version").getInt();
    st.fileSize = QFileInfo(m_path).size();
    auto count = [this](const char *table) {
        return m_db->execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
    };
    st.acts = count("acts");
    st.scenes = count("scenes");
    st.shots = count("shots");
    st.characters = count("characters");
    st.locations = count("locations");
    st.takes = count("takes");
    st.jobs = count("jobs");
    st.images = count("images");
    return st;
}

Status ProjectStore::backupTo(const QString &path) {
    if (QFileInfo::exists(path))
        QFile::remove(path);
    sqlite3 *dest = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &dest) != SQLITE_OK) {
        const QString reason = QString::fromUtf8(sqlite3_errmsg(dest));
        sqlite3_close(dest);
        return Status::failure(QStringLiteral("cannot write %1: %2").arg(path, reason));
    }
    sqlite3_backup *backup = sqlite3_backup_init(dest, "main", m_db->getHandle(), "main");
    int rc = SQLITE_ERROR;
    if (backup) {
        rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
    }
    const QString reason = QString::fromUtf8(sqlite3_errmsg(dest));
    sqlite3_close(dest);
    if (rc != SQLITE_DONE)
        return Status::failure(QStringLiteral("cannot write %1: %2").arg(path, reason));
    return Status::success();
}

Status ProjectStore::saveAs(const QString &path) {
    if (Status s = backupTo(path); !s)
        return s;
    auto reopened = openConnection(path, false);
    if (!reopened)
        return Status::failure(reopened.error());
    m_statements.clear();
    m_db = std::move((*reopened)->m_db);
    m_path = path;
    return Status::success();
}

} // namespace shotcraft::storage
