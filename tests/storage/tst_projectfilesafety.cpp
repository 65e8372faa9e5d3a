// Opening untrusted files: anything that is not a Shotcraft project of a schema this version reads
// is refused with a one-line reason, never a crash, and the file is left as it was.
#include "storage/ProjectStore.h"
#include "storage/Schema.h"
#include "support/SampleProject.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <SQLiteCpp/Database.h>

using namespace shotcraft;
using shotcraft::storage::ProjectStore;

class TestProjectFileSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void refuses_data();
    void refuses();
    void damagedPagesAreCaught_data();
    void damagedPagesAreCaught();

private:
    QString makeValidProject(const QString &name);
    QTemporaryDir m_dir;
};

QString TestProjectFileSafety::makeValidProject(const QString &name) {
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    Project p = test::sampleProject();
    for (int i = 0; i < 200; ++i) { // enough pages that truncation cuts real data
        Shot s = p.shots.first();
        s.id = p.allocateId();
        s.order = 10 + i;
        s.description = QString(300, u'x');
        p.shots.append(s);
    }
    auto store = ProjectStore::create(path, p);
    if (!store)
        qWarning() << store.error();
    (*store)->database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return path;
}

void TestProjectFileSafety::refuses_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected"); // a phrase the one-line reason must contain
    QTest::newRow("missing") << "missing"
                             << "no such file";
    QTest::newRow("directory") << "directory"
                               << "not a file";
    QTest::newRow("empty") << "empty"
                           << "not a Shotcraft project";
    QTest::newRow("random bytes") << "random"
                                  << "not a Shotcraft project";
    QTest::newRow("text file") << "text"
                               << "not a Shotcraft project";
    QTest::newRow("foreign sqlite") << "foreign"
                                    << "not a Shotcraft project";
    QTest::newRow("newer schema") << "newer"
                                  << "newer Shotcraft";
    QTest::newRow("truncated") << "truncated"
                               << "damaged";
    QTest::newRow("header only") << "header"
                                 << "damaged";
}

void TestProjectFileSafety::refuses() {
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QString path = m_dir.filePath(kind + QStringLiteral(".shotcraft"));
    QFile::remove(path);
    if (kind == QLatin1String("directory")) {
        QDir(m_dir.path()).mkpath(kind + QStringLiteral(".shotcraft"));
    } else if (kind == QLatin1String("empty")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    } else if (kind == QLatin1String("random")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator rng(7);
        for (char &c : noise)
            c = char(rng.bounded(256));
        f.write(noise);
    } else if (kind == QLatin1String("text")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("INT. KITCHEN - NIGHT\n\nNot a project.\n");
    } else if (kind == QLatin1String("foreign")) {
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, "
                "9.5)");
    } else if (kind == QLatin1String("newer")) {
        path = makeValidProject(kind + QStringLiteral(".shotcraft"));
        SQLite::Database db(path.toStdString(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = " + std::to_string(storage::currentSchemaVersion() + 1));
    } else if (kind == QLatin1String("truncated") || kind == QLatin1String("header")) {
        path = makeValidProject(kind + QStringLiteral(".shotcraft"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 64 * 1024);
        QVERIFY(f.resize(kind == QLatin1String("header") ? 100 : f.size() / 2));
    }

    QByteArray before;
    if (QFileInfo(path).isFile()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        before = f.readAll();
    }
    QElapsedTimer clock;
    clock.start();
    auto store = ProjectStore::open(path);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QStringLiteral("refusing took %1 ms").arg(clock.elapsed())));
    QVERIFY2(!store, qPrintable(kind + QStringLiteral(" was accepted")));
    QVERIFY2(store.error().contains(expected, Qt::CaseInsensitive), qPrintable(store.error()));
    QVERIFY2(!store.error().contains(u'\n'), "the reason must be one line");
    if (QFileInfo(path).isFile()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before); // refused files are left as they were
    }
}

void TestProjectFileSafety::damagedPagesAreCaught_data() {
    QTest::addColumn<char>("fill");
    QTest::newRow("scribbled") << char(0x5a);
    QTest::newRow("a page of zeros") << char(0);
}

void TestProjectFileSafety::damagedPagesAreCaught() {
    // Overwrite pages in the middle of a valid file: quick_check on open must notice.
    QFETCH(char, fill);
    const QString path = makeValidProject(QStringLiteral("scribbled-%1.shotcraft").arg(int(fill)));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(f.size() / 2));
        f.write(QByteArray(8192, fill));
    }
    auto store = ProjectStore::open(path);
    if (store) {
        // If the scribble happened to hit only free space, reading everything must still be safe.
        const Result<Project> loaded = (*store)->load();
        QVERIFY(loaded || !loaded.error().isEmpty());
    } else {
        QVERIFY2(store.error().contains(QLatin1String("damaged")), qPrintable(store.error()));
    }
}

QTEST_GUILESS_MAIN(TestProjectFileSafety)
#include "tst_projectfilesafety.moc"
