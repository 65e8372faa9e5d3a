// Schema migrations: a file of every older schema version opens, is brought forward in one
// transaction and keeps its content; a failing step leaves the file exactly as it was.
#include "storage/ProjectStore.h"
#include "storage/Schema.h"
#include "support/SampleProject.h"

#include <QTemporaryDir>
#include <QTest>

#include <SQLiteCpp/Database.h>

using namespace shotcraft;
using namespace shotcraft::storage;

class TestMigrations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void everyOlderVersionOpens_data();
    void everyOlderVersionOpens();
    void failingStepRollsBack();
    void syntheticHistoryRunsInOrder();

private:
    QTemporaryDir m_dir;
};

namespace {
std::vector<MigrationStep> stepsUpTo(int version) {
    std::vector<MigrationStep> steps;
    for (const MigrationStep &s : schemaMigrations())
        if (s.toVersion <= version)
            steps.push_back(s);
    return steps;
}

int tableCount(SQLite::Database &db, const char *name) {
    SQLite::Statement q(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    q.bind(1, name);
    q.executeStep();
    return q.getColumn(0).getInt();
}
} // namespace

void TestMigrations::everyOlderVersionOpens_data() {
    QTest::addColumn<int>("version");
    for (const MigrationStep &s : schemaMigrations())
        if (s.toVersion < currentSchemaVersion())
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(s.toVersion))) << s.toVersion;
}

void TestMigrations::everyOlderVersionOpens() {
    QFETCH(int, version);
    const QString path = m_dir.filePath(QStringLiteral("v%1.shotcraft").arg(version));
    const Project sample = test::sampleProject();
    {
        // Write a file the way that version did: its schema, and rows in its shape.
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        QVERIFY(migrate(db, stepsUpTo(version)));
        QCOMPARE(db.execAndGet("PRAGMA user_version").getInt(), version);
        SQLite::Statement info(db, "INSERT INTO project (id, next_id, data) VALUES (1, ?, ?)");
        info.bind(1, static_cast<int64_t>(sample.nextId));
        info.bind(2, Json(sample.info).dump());
        info.exec();
        for (const Scene &s : sample.scenes) {
            SQLite::Statement q(db, "INSERT INTO scenes (id, position, data) VALUES (?, ?, ?)");
            q.bind(1, static_cast<int64_t>(s.id));
            q.bind(2, s.order);
            q.bind(3, Json(s).dump());
            q.exec();
        }
        for (const Shot &s : sample.shots) {
            SQLite::Statement q(db, "INSERT INTO shots (id, scene_id, position, data) VALUES (?, ?, ?, ?)");
            q.bind(1, static_cast<int64_t>(s.id));
            q.bind(2, static_cast<int64_t>(s.sceneId));
            q.bind(3, s.order);
            q.bind(4, Json(s).dump());
            q.exec();
        }
    }
    auto store = ProjectStore::open(path);
    QVERIFY2(store, qPrintable(store.error()));
    QCOMPARE((*store)->stats().schemaVersion, currentSchemaVersion());
    const Result<Project> loaded = (*store)->load();
    QVERIFY2(loaded, qPrintable(loaded.error()));
    QCOMPARE(loaded->shots, sample.shots);
    QCOMPARE(loaded->scenes, sample.scenes);
    QCOMPARE(loaded->info, sample.info);
    // The newer tables work after the migration.
    Job job;
    job.id = *(*store)->allocateId();
    job.idempotencyKey = QStringLiteral("after-migration");
    QVERIFY((*store)->save(job));
    QCOMPARE((*store)->jobs().size(), 1);
}

void TestMigrations::failingStepRollsBack() {
    const QString path = m_dir.filePath(QStringLiteral("failing.shotcraft"));
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    QVERIFY(migrate(db, stepsUpTo(1)));
    std::vector<MigrationStep> steps = stepsUpTo(1);
    steps.push_back({2, "adds a table", [](SQLite::Database &d) {
                         d.exec("CREATE TABLE added (x)");
                     }});
    steps.push_back({3, "breaks", [](SQLite::Database &d) {
                         d.exec("ALTER TABLE no_such_table ADD y");
                     }});
    const Status s = migrate(db, steps);
    QVERIFY(!s);
    QVERIFY(s.error().contains(QLatin1String("migration failed")));
    QCOMPARE(db.execAndGet("PRAGMA user_version").getInt(), 1);
    QCOMPARE(tableCount(db, "added"), 0); // the successful step was rolled back with the failing one
}

void TestMigrations::syntheticHistoryRunsInOrder() {
    const QString path = m_dir.filePath(QStringLiteral("synthetic.shotcraft"));
    SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    QStringList order;
    std::vector<MigrationStep> steps;
    for (int v = 1; v <= 4; ++v)
        steps.push_back({v, "synthetic", [&order, v](SQLite::Database &) {
                             order << QString::number(v);
                         }});
    QVERIFY(migrate(db, {steps.begin(), steps.begin() + 2}));
    QCOMPARE(order, QStringList({QStringLiteral("1"), QStringLiteral("2")}));
    QVERIFY(migrate(db, steps)); // only the missing steps run
    QCOMPARE(order, QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                 QStringLiteral("4")}));
    QCOMPARE(db.execAndGet("PRAGMA user_version").getInt(), 4);
    QCOMPARE(db.execAndGet("PRAGMA application_id").getInt(), kApplicationId);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
