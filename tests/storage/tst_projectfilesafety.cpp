// Opening untrusted files: anything that is not a Shotcraft project of a schema this version reads
// is refused with a one-line reason, never a crash, and the file is left as it was. A project on a
// read-only medium is refused the same way; one on a full disk opens, and a write that does not fit
// fails with one line and leaves the project as it was.
#include "storage/ProjectStore.h"
#include "storage/Schema.h"
#include "support/SampleProject.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <SQLiteCpp/Database.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include <sys/mount.h>
#include <unistd.h>

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
    void readOnlyMediumIsRefused();
    void fullDiskLosesNothing();

private:
    QString makeValidProject(const QString &name);
    QTemporaryDir m_dir;
};

namespace {

QByteArray fileHash(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

// A small tmpfs of its own: the only way to get a truly read-only or truly full folder (root
// ignores permission bits). Needs CAP_SYS_ADMIN; `reason` says why when it cannot be had.
class ScratchMount {
public:
    ScratchMount(const QString &folder, qint64 bytes)
        : m_folder(folder) {
        QDir().mkpath(folder);
        const QByteArray options = "size=" + QByteArray::number(bytes);
        if (::mount("tmpfs", QFile::encodeName(folder).constData(), "tmpfs", 0, options.constData()) == 0)
            m_mounted = true;
        else
            m_reason = QStringLiteral("cannot mount a tmpfs at %1 (%2): run as root to test this")
                           .arg(folder, QString::fromLocal8Bit(strerror(errno)));
    }
    ~ScratchMount() {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_folder).constData(), MNT_DETACH);
    }
    bool mounted() const { return m_mounted; }
    QString reason() const { return m_reason; }
    bool makeReadOnly() {
        return ::mount("tmpfs", QFile::encodeName(m_folder).constData(), "tmpfs", MS_REMOUNT | MS_RDONLY,
                       nullptr) == 0;
    }

private:
    QString m_folder;
    bool m_mounted = false;
    QString m_reason;
};

} // namespace

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
    QTest::newRow("path in a missing folder") << "missingfolder"
                                              << "no such file";
}

void TestProjectFileSafety::refuses() {
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QString path = m_dir.filePath(kind + QStringLiteral(".shotcraft"));
    QFile::remove(path);
    if (kind == QLatin1String("missingfolder")) {
        path = m_dir.filePath(QStringLiteral("no-such-folder/film.shotcraft"));
    } else if (kind == QLatin1String("directory")) {
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

void TestProjectFileSafety::readOnlyMediumIsRefused() {
    // Without root the permission bits do it; as root (CI) only a read-only mount does.
    const QString folder = m_dir.filePath(QStringLiteral("readonly"));
    std::optional<ScratchMount> mount;
    if (::geteuid() == 0) {
        mount.emplace(folder, 16 << 20);
        if (!mount->mounted())
            QSKIP(qPrintable(mount->reason()));
    }
    const QString path = QDir(folder).filePath(QStringLiteral("archive.shotcraft"));
    QVERIFY(QFile::copy(makeValidProject(QStringLiteral("ro-source.shotcraft")), path));
    if (mount)
        QVERIFY2(mount->makeReadOnly(), strerror(errno));
    else
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner) &&
                QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const QByteArray before = fileHash(path);

    QElapsedTimer clock;
    clock.start();
    auto store = ProjectStore::open(path);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QStringLiteral("refusing took %1 ms").arg(clock.elapsed())));
    QVERIFY2(!store, "a project on a read-only medium was opened for writing");
    QVERIFY2(store.error().contains(QLatin1String("read-only")), qPrintable(store.error()));
    QVERIFY2(!store.error().contains(u'\n'), "the reason must be one line");
    QCOMPARE(fileHash(path), before);
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("archive.shotcraft")});
    if (!mount)
        QFile::setPermissions(folder,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void TestProjectFileSafety::fullDiskLosesNothing() {
    const QString folder = m_dir.filePath(QStringLiteral("full"));
    ScratchMount mount(folder, 4 << 20);
    if (!mount.mounted())
        QSKIP(qPrintable(mount.reason()));
    const QString path = QDir(folder).filePath(QStringLiteral("film.shotcraft"));
    QVERIFY(QFile::copy(makeValidProject(QStringLiteral("full-source.shotcraft")), path));
    auto store = ProjectStore::open(path);
    QVERIFY2(store, qPrintable(store.error()));
    const Project before = *(*store)->load();

    // The disk fills up while the project is open (another program's render, say).
    QFile filler(QDir(folder).filePath(QStringLiteral("filler")));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(16 * 1024, 'f');
    while (filler.write(block) == block.size() && filler.flush()) {
    }
    filler.close();

    // A write that does not fit fails with one line, and nothing of it is kept.
    Project project = before;
    for (Shot &shot : project.shots)
        shot.description = QString(4000, u'w');
    const Status saved = (*store)->transaction([&] {
        for (const Shot &shot : std::as_const(project.shots))
            if (Status s = (*store)->save(shot); !s)
                return s;
        return Status::success();
    });
    QVERIFY2(!saved, "a write bigger than the free space was reported saved");
    QVERIFY2(saved.error().contains(QLatin1String("full")), qPrintable(saved.error()));
    QVERIFY2(!saved.error().contains(u'\n'), "the reason must be one line");
    QCOMPARE((*store)->load()->shots.first().description, before.shots.first().description);
    store->reset();

    // Opening on the full disk: refused with the reason, in under a second, the file untouched.
    const QByteArray hash = fileHash(path);
    QElapsedTimer clock;
    clock.start();
    auto onFullDisk = ProjectStore::open(path);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QStringLiteral("opening took %1 ms").arg(clock.elapsed())));
    if (!onFullDisk)
        QVERIFY2(onFullDisk.error().contains(QLatin1String("disk is full")), qPrintable(onFullDisk.error()));
    onFullDisk = Result<std::unique_ptr<ProjectStore>>::failure(QString());
    QCOMPARE(fileHash(path), hash);

    // With room again, the project is whole and as it was.
    QVERIFY(filler.remove());
    auto reopened = ProjectStore::open(path);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    QCOMPARE((*reopened)->database().execAndGet("PRAGMA integrity_check").getString(), std::string("ok"));
    const Project after = *(*reopened)->load();
    QCOMPARE(after.shots.size(), before.shots.size());
    for (int i = 0; i < after.shots.size(); ++i)
        QCOMPARE(after.shots[i].description, before.shots[i].description);
}

QTEST_GUILESS_MAIN(TestProjectFileSafety)
#include "tst_projectfilesafety.moc"
