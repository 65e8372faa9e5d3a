// ProjectStore: create/read/update/delete of every entity, images and thumbnails, ordering,
// one-transaction edits and Save As.
#include "storage/ProjectStore.h"
#include "storage/Schema.h"
#include "support/SampleProject.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <SQLiteCpp/Database.h>

using namespace shotcraft;
using shotcraft::storage::ProjectStore;

class TestProjectStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void createAndLoadRoundTrips();
    void crudEveryEntity_data();
    void crudEveryEntity();
    void removingASceneRemovesItsShotsAndTakes();
    void imagesKeepBytesAndThumbnail();
    void rejectsNonImageBytes();
    void moveShotRenumbersTheScene();
    void allocatedIdsAreNeverReused();
    void failedTransactionChangesNothing();
    void saveAsContinuesOnTheCopy();
    void createRefusesToOverwrite();
    void fileSettings();

private:
    std::unique_ptr<ProjectStore> makeStore(const Project &project);
    QTemporaryDir m_dir;
    QString m_path;
};

void TestProjectStore::init() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("%1.shotcraft").arg(QLatin1String(QTest::currentTestFunction())));
    QFile::remove(m_path);
}

std::unique_ptr<ProjectStore> TestProjectStore::makeStore(const Project &project) {
    auto store = ProjectStore::create(m_path, project);
    if (!store)
        qWarning() << store.error();
    return store ? std::move(*store) : nullptr;
}

void TestProjectStore::createAndLoadRoundTrips() {
    const Project project = test::sampleProject();
    auto store = makeStore(project);
    QVERIFY(store);
    store.reset();
    auto reopened = ProjectStore::open(m_path);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    Result<Project> loaded = (*reopened)->load();
    QVERIFY2(loaded, qPrintable(loaded.error()));
    QCOMPARE(loaded->info, project.info);
    QCOMPARE(loaded->scenes, project.scenes);
    QCOMPARE(loaded->shots, project.shots);
    QCOMPARE(loaded->characters, project.characters);
    QVERIFY(*loaded == project);
}

// Each row: create one entity, read it back, update it, read the update, delete it.
void TestProjectStore::crudEveryEntity_data() {
    QTest::addColumn<QString>("entity");
    for (const char *e : {"Act", "Scene", "Shot", "Character", "Location", "Palette", "StyleToken",
                          "ReferenceImage", "Take", "Job", "ChatMessage"})
        QTest::newRow(e) << QString::fromLatin1(e);
}

namespace {
template <typename T, typename Mutate>
void crud(ProjectStore &store, T value, QList<T> Project::*list, Mutate mutate,
          Status (ProjectStore::*remove)(Id)) {
    QVERIFY(store.save(value));
    auto count = [&]() {
        const Result<Project> p = store.load();
        return p ? std::count((p.value().*list).cbegin(), (p.value().*list).cend(), value) : -1;
    };
    QCOMPARE(count(), 1);
    mutate(value);
    QVERIFY(store.save(value));
    QCOMPARE(count(), 1); // the updated value is there, once
    if (remove) {
        QVERIFY((store.*remove)(value.id));
        QCOMPARE(count(), 0);
    }
}
} // namespace

void TestProjectStore::crudEveryEntity() {
    QFETCH(QString, entity);
    Project base = test::sampleProject();
    auto store = makeStore(base);
    QVERIFY(store);
    const Id id = base.allocateId() + 100;
    const Id sceneId = base.scenes.first().id;
    const Id shotId = base.shots.first().id;

    if (entity == QLatin1String("Act"))
        crud(
            *store, Act{id, 3, QStringLiteral("Resolution"), {}}, &Project::acts,
            [](Act &a) { a.title = QStringLiteral("Aftermath"); }, &ProjectStore::removeAct);
    else if (entity == QLatin1String("Scene"))
        crud(
            *store, Scene{.id = id, .order = 9, .heading = QStringLiteral("INT. HOLD - NIGHT")},
            &Project::scenes, [](Scene &s) { s.mood = QStringLiteral("claustrophobic"); },
            &ProjectStore::removeScene);
    else if (entity == QLatin1String("Shot"))
        crud(
            *store, Shot{.id = id, .sceneId = sceneId, .number = QStringLiteral("1C"), .order = 5},
            &Project::shots, [](Shot &s) { s.lens.focalLengthMm = 135; }, &ProjectStore::removeShot);
    else if (entity == QLatin1String("Character"))
        crud(
            *store, Character{.id = id, .name = QStringLiteral("JUNE")}, &Project::characters,
            [](Character &c) { c.hair = QStringLiteral("red, tied back"); }, &ProjectStore::removeCharacter);
    else if (entity == QLatin1String("Location"))
        crud(
            *store, Location{.id = id, .name = QStringLiteral("LIGHTHOUSE")}, &Project::locations,
            [](Location &l) { l.lightSources = QStringLiteral("the lamp"); }, &ProjectStore::removeLocation);
    else if (entity == QLatin1String("Palette"))
        crud(
            *store, Palette{.id = id, .name = QStringLiteral("dawn")}, &Project::palettes,
            [](Palette &p) { p.temperatureK = 7000; }, &ProjectStore::removePalette);
    else if (entity == QLatin1String("StyleToken"))
        crud(
            *store, StyleToken{id, StyleCategory::Grain, QStringLiteral("fine 35mm grain"), 1.0},
            &Project::styleTokens, [](StyleToken &t) { t.weight = 1.3; }, &ProjectStore::removeStyleToken);
    else if (entity == QLatin1String("ReferenceImage"))
        crud(
            *store, ReferenceImage{.id = id, .owner = ReferenceOwner::Act, .ownerId = base.acts.first().id},
            &Project::references, [](ReferenceImage &r) { r.weight = 0.4; }, &ProjectStore::removeReference);
    else if (entity == QLatin1String("Take"))
        crud(
            *store, Take{.id = id, .shotId = shotId, .provider = QStringLiteral("previz")}, &Project::takes,
            [](Take &t) { t.costUsd = 0.02; }, static_cast<Status (ProjectStore::*)(Id)>(nullptr));
    else if (entity == QLatin1String("Job"))
        crud(
            *store, Job{.id = id, .shotId = shotId, .idempotencyKey = QStringLiteral("k1")}, &Project::jobs,
            [](Job &j) { j.state = JobState::Running; }, &ProjectStore::removeJob);
    else if (entity == QLatin1String("ChatMessage"))
        crud(
            *store, ChatMessage{.id = id, .content = QStringLiteral("make it rain")}, &Project::chat,
            [](ChatMessage &m) { m.content = QStringLiteral("more rain"); },
            static_cast<Status (ProjectStore::*)(Id)>(nullptr));
    else
        QFAIL("unknown entity");
}

void TestProjectStore::removingASceneRemovesItsShotsAndTakes() {
    Project p = test::sampleProject();
    const Scene scene = p.scenes.first();
    const QList<const Shot *> shots = p.shotsOfScene(scene.id);
    Take take;
    take.id = p.allocateId();
    take.shotId = shots.first()->id;
    p.takes.append(take);
    auto store = makeStore(p);
    QVERIFY(store);
    QVERIFY(store->removeScene(scene.id));
    const Result<Project> loaded = store->load();
    QVERIFY(loaded);
    QCOMPARE(loaded->scenes.size(), p.scenes.size() - 1);
    QCOMPARE(loaded->shots.size(), p.shots.size() - shots.size());
    QVERIFY(loaded->takes.isEmpty());
}

void TestProjectStore::imagesKeepBytesAndThumbnail() {
    auto store = makeStore(test::sampleProject());
    QVERIFY(store);
    const QByteArray png = test::pngBytes(1344, 768, QColor(200, 40, 30));
    auto image = store->addImage(png);
    QVERIFY2(image, qPrintable(image.error()));
    QCOMPARE(image->width, 1344);
    QCOMPARE(image->height, 768);
    QCOMPARE(image->format, QByteArray("png"));
    QCOMPARE(*store->imageData(image->id), png);
    const QImage thumb = QImage::fromData(*store->thumbnailData(image->id));
    QVERIFY(!thumb.isNull());
    QCOMPARE(thumb.width(), 384);
    QVERIFY(qAbs(thumb.pixelColor(10, 10).red() - 200) < 8);
    QVERIFY(!store->imageData(image->id + 1000));
}

void TestProjectStore::rejectsNonImageBytes() {
    auto store = makeStore(test::sampleProject());
    QVERIFY(store);
    auto image = store->addImage(QByteArray("definitely not an image"));
    QVERIFY(!image);
    QVERIFY(image.error().contains(QLatin1String("not an image")));
}

void TestProjectStore::moveShotRenumbersTheScene() {
    Project p = test::sampleProject();
    const Id sceneId = p.scenes.first().id;
    // Add a third shot so the move has something to jump over.
    Shot extra;
    extra.id = p.allocateId();
    extra.sceneId = sceneId;
    extra.order = 2;
    p.shots.insert(2, extra);
    auto store = makeStore(p);
    QVERIFY(store);
    const QList<const Shot *> before = p.shotsOfScene(sceneId);
    QVERIFY(store->moveShot(before[2]->id, 0));
    const Result<Project> loaded = store->load();
    const QList<const Shot *> after = loaded->shotsOfScene(sceneId);
    QCOMPARE(after.size(), 3);
    QCOMPARE(after[0]->id, before[2]->id);
    QCOMPARE(after[1]->id, before[0]->id);
    QCOMPARE(after[2]->id, before[1]->id);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(after[i]->order, i);
}

void TestProjectStore::allocatedIdsAreNeverReused() {
    const Project p = test::sampleProject();
    auto store = makeStore(p);
    QVERIFY(store);
    const Id a = *store->allocateId();
    const Id b = *store->allocateId();
    QVERIFY(a >= p.nextId);
    QCOMPARE(b, a + 1);
    // Saving an entity with a higher id moves the counter past it.
    QVERIFY(store->save(Act{b + 50, 4, {}, {}}));
    QCOMPARE(*store->allocateId(), b + 51);
}

void TestProjectStore::failedTransactionChangesNothing() {
    Project p = test::sampleProject();
    auto store = makeStore(p);
    QVERIFY(store);
    Shot edited = p.shots.first();
    edited.notes = QStringLiteral("should vanish");
    const Status s = store->transaction([&]() -> Status {
        if (Status st = store->save(edited); !st)
            return st;
        return Status::failure(QStringLiteral("second half of the edit failed"));
    });
    QVERIFY(!s);
    QCOMPARE(store->shot(edited.id)->notes, QString());
}

void TestProjectStore::saveAsContinuesOnTheCopy() {
    Project p = test::sampleProject();
    auto store = makeStore(p);
    QVERIFY(store);
    QVERIFY(store->addImage(test::pngBytes(64, 64, Qt::blue)));
    const QString copy = m_dir.filePath(QStringLiteral("copy.shotcraft"));
    QVERIFY(store->saveAs(copy));
    QCOMPARE(store->path(), copy);
    Shot edited = p.shots.first();
    edited.notes = QStringLiteral("only in the copy");
    QVERIFY(store->save(edited));
    store.reset();
    auto original = ProjectStore::open(m_path);
    auto copied = ProjectStore::open(copy);
    QVERIFY(original && copied);
    QCOMPARE((*original)->shot(edited.id)->notes, QString());
    QCOMPARE((*copied)->shot(edited.id)->notes, QStringLiteral("only in the copy"));
    QCOMPARE((*copied)->stats().images, 1);
}

void TestProjectStore::createRefusesToOverwrite() {
    QVERIFY(makeStore(test::sampleProject()));
    auto again = ProjectStore::create(m_path, test::sampleProject());
    QVERIFY(!again);
    QVERIFY(again.error().contains(QLatin1String("already exists")));
}

void TestProjectStore::fileSettings() {
    auto store = makeStore(test::sampleProject());
    QVERIFY(store);
    SQLite::Database &db = store->database();
    QCOMPARE(db.execAndGet("PRAGMA application_id").getInt(), storage::kApplicationId);
    QCOMPARE(QString::fromStdString(db.execAndGet("PRAGMA journal_mode").getString()), QStringLiteral("wal"));
    QCOMPARE(db.execAndGet("PRAGMA foreign_keys").getInt(), 1);
    QCOMPARE(db.execAndGet("PRAGMA trusted_schema").getInt(), 0);
    QCOMPARE(db.execAndGet("PRAGMA user_version").getInt(), storage::currentSchemaVersion());
}

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
