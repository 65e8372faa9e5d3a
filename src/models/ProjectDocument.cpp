#include "models/ProjectDocument.h"

#include "domain/Logging.h"

#include <algorithm>
#include <utility>

namespace shotcraft::models {

ProjectDocument::ProjectDocument(std::unique_ptr<storage::ProjectStore> store, Project project,
                                 QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_project(std::move(project)) {
    reindex();
}

ProjectDocument::~ProjectDocument() = default;

Result<std::unique_ptr<ProjectDocument>> ProjectDocument::open(const QString &path) {
    using R = Result<std::unique_ptr<ProjectDocument>>;
    auto store = storage::ProjectStore::open(path);
    if (!store)
        return R::failure(store.error());
    Result<Project> project = (*store)->load();
    if (!project)
        return R::failure(project.error());
    return std::make_unique<ProjectDocument>(std::move(*store), std::move(*project));
}

Result<std::unique_ptr<ProjectDocument>> ProjectDocument::create(const QString &path,
                                                                 const Project &project) {
    using R = Result<std::unique_ptr<ProjectDocument>>;
    auto store = storage::ProjectStore::create(path, project);
    if (!store)
        return R::failure(store.error());
    // Read back so ids and orders are exactly what the file holds.
    Result<Project> loaded = (*store)->load();
    if (!loaded)
        return R::failure(loaded.error());
    return std::make_unique<ProjectDocument>(std::move(*store), std::move(*loaded));
}

void ProjectDocument::reindex() {
    m_shotIndex.clear();
    m_takeIndex.clear();
    m_sceneIndex.clear();
    m_takesByShot.clear();
    for (qsizetype i = 0; i < m_project.shots.size(); ++i)
        m_shotIndex.insert(m_project.shots[i].id, i);
    for (qsizetype i = 0; i < m_project.scenes.size(); ++i)
        m_sceneIndex.insert(m_project.scenes[i].id, i);
    for (qsizetype i = 0; i < m_project.takes.size(); ++i) {
        const Take &t = m_project.takes[i];
        m_takeIndex.insert(t.id, i);
        if (t.shotId != 0)
            m_takesByShot[t.shotId].append(t.id);
    }
}

const Shot *ProjectDocument::shot(Id id) const {
    const auto it = m_shotIndex.constFind(id);
    return it == m_shotIndex.cend() ? nullptr : &m_project.shots[*it];
}

const Take *ProjectDocument::take(Id id) const {
    const auto it = m_takeIndex.constFind(id);
    return it == m_takeIndex.cend() ? nullptr : &m_project.takes[*it];
}

const Scene *ProjectDocument::scene(Id id) const {
    const auto it = m_sceneIndex.constFind(id);
    return it == m_sceneIndex.cend() ? nullptr : &m_project.scenes[*it];
}

const Character *ProjectDocument::character(Id id) const {
    return m_project.character(id);
}

Id ProjectDocument::approvedImageId(Id shotId) const {
    const Shot *s = shot(shotId);
    if (!s || s->approvedTakeId == 0)
        return 0;
    const Take *t = take(s->approvedTakeId);
    return t ? t->imageId : 0;
}

QList<const Take *> ProjectDocument::takesOfShot(Id shotId) const {
    QList<const Take *> out;
    for (Id id : m_takesByShot.value(shotId))
        if (const Take *t = take(id))
            out.append(t);
    return out;
}

QList<const ReferenceImage *> ProjectDocument::referencesOf(ReferenceOwner owner, Id ownerId) const {
    QList<const ReferenceImage *> out;
    for (const ReferenceImage &r : m_project.references)
        if (r.owner == owner && r.ownerId == ownerId)
            out.append(&r);
    return out;
}

Status ProjectDocument::report(Status status) {
    if (!status) {
        qCWarning(lcModels) << "edit failed:" << status.error();
        Q_EMIT error(status.error());
    }
    return status;
}

template <typename T> void ProjectDocument::upsert(QList<T> &list, const T &value) {
    auto it = std::find_if(list.begin(), list.end(), [&](const T &x) { return x.id == value.id; });
    if (it == list.end())
        list.append(value);
    else
        *it = value;
}

Status ProjectDocument::saveShot(const Shot &shot) {
    const auto it = m_shotIndex.constFind(shot.id);
    if (it == m_shotIndex.cend())
        return report(Status::failure(tr("no shot with id %1").arg(shot.id)));
    if (Status st = report(m_store->transaction([&] { return m_store->save(shot); })); !st)
        return st;
    m_project.shots[*it] = shot;
    Q_EMIT shotChanged(shot.id);
    return Status::success();
}

void ProjectDocument::sortSceneShots(Id sceneId) {
    QList<qsizetype> positions;
    QList<Shot> shots;
    for (qsizetype i = 0; i < m_project.shots.size(); ++i) {
        if (m_project.shots[i].sceneId == sceneId) {
            positions.append(i);
            shots.append(m_project.shots[i]);
        }
    }
    std::stable_sort(shots.begin(), shots.end(),
                     [](const Shot &a, const Shot &b) { return a.order < b.order; });
    for (qsizetype i = 0; i < positions.size(); ++i)
        m_project.shots[positions[i]] = shots[i];
}

Status ProjectDocument::moveShot(Id shotId, int newOrder) {
    const Shot *moving = shot(shotId);
    if (!moving)
        return report(Status::failure(tr("no shot with id %1").arg(shotId)));
    const Id sceneId = moving->sceneId;
    // The store renumbers 0..n-1 in position order; find where the shot sits in that order now.
    // By id, not by address: a copy of the project held elsewhere (a review on a worker thread)
    // shares the shot list until this write detaches it, and `moving` points into the shared one.
    QList<const Shot *> siblings;
    for (const Shot &s : std::as_const(m_project.shots))
        if (s.sceneId == sceneId)
            siblings.append(&s);
    std::stable_sort(siblings.begin(), siblings.end(),
                     [](const Shot *a, const Shot *b) { return a->order < b->order; });
    const int from = int(std::find_if(siblings.cbegin(), siblings.cend(),
                                      [shotId](const Shot *s) { return s->id == shotId; }) -
                         siblings.cbegin());
    const int to = std::clamp(newOrder, 0, int(siblings.size()) - 1);
    if (from == to)
        return Status::success();
    if (Status st = report(m_store->moveShot(shotId, to)); !st)
        return st;
    // Mirror the store's renumbering rather than reloading: the scene's shots are few.
    QList<Id> ids;
    for (const Shot *s : siblings)
        ids.append(s->id);
    ids.move(from, to);
    for (int i = 0; i < ids.size(); ++i)
        m_project.shots[m_shotIndex.value(ids[i])].order = i;
    sortSceneShots(sceneId);
    reindex();
    Q_EMIT shotMoved(shotId, from, to);
    return Status::success();
}

Status ProjectDocument::saveCharacter(const Character &character) {
    if (Status st = report(m_store->transaction([&] { return m_store->save(character); })); !st)
        return st;
    upsert(m_project.characters, character);
    Q_EMIT characterChanged(character.id);
    return Status::success();
}

Status ProjectDocument::saveLocation(const Location &location) {
    if (Status st = report(m_store->transaction([&] { return m_store->save(location); })); !st)
        return st;
    upsert(m_project.locations, location);
    Q_EMIT locationChanged(location.id);
    return Status::success();
}

Status ProjectDocument::savePalette(const Palette &palette) {
    if (Status st = report(m_store->transaction([&] { return m_store->save(palette); })); !st)
        return st;
    upsert(m_project.palettes, palette);
    Q_EMIT paletteChanged(palette.id);
    return Status::success();
}

Status ProjectDocument::saveStyleToken(const StyleToken &token) {
    if (Status st = report(m_store->transaction([&] { return m_store->save(token); })); !st)
        return st;
    upsert(m_project.styleTokens, token);
    Q_EMIT styleTokensChanged();
    return Status::success();
}

Status ProjectDocument::removeStyleToken(Id id) {
    if (Status st = report(m_store->transaction([&] { return m_store->removeStyleToken(id); })); !st)
        return st;
    m_project.styleTokens.removeIf([id](const StyleToken &t) { return t.id == id; });
    Q_EMIT styleTokensChanged();
    return Status::success();
}

Status ProjectDocument::saveReference(const ReferenceImage &reference) {
    if (Status st = report(m_store->transaction([&] { return m_store->save(reference); })); !st)
        return st;
    upsert(m_project.references, reference);
    Q_EMIT referencesChanged();
    return Status::success();
}

Status ProjectDocument::removeReference(Id id) {
    if (Status st = report(m_store->transaction([&] { return m_store->removeReference(id); })); !st)
        return st;
    m_project.references.removeIf([id](const ReferenceImage &r) { return r.id == id; });
    Q_EMIT referencesChanged();
    return Status::success();
}

Status ProjectDocument::saveInfo(const ProjectInfo &info) {
    if (Status st = report(m_store->transaction([&] { return m_store->saveInfo(info); })); !st)
        return st;
    m_project.info = info;
    Q_EMIT infoChanged();
    return Status::success();
}

Status ProjectDocument::saveJob(const Job &job) {
    if (Status st = report(m_store->transaction([&] { return m_store->save(job); })); !st)
        return st;
    upsert(m_project.jobs, job);
    Q_EMIT jobChanged(job.id);
    return Status::success();
}

Result<Take> ProjectDocument::addTake(Take take, const QByteArray &encoded, const QByteArray &thumbnail) {
    Status st = m_store->transaction([&]() -> Status {
        if (!encoded.isEmpty()) {
            Result<storage::StoredImage> image = m_store->addImage(encoded, thumbnail);
            if (!image)
                return Status::failure(image.error());
            take.imageId = image->id;
            take.width = image->width;
            take.height = image->height;
        }
        if (take.id == 0) {
            Result<Id> id = m_store->allocateId();
            if (!id)
                return Status::failure(id.error());
            take.id = *id;
        }
        return m_store->save(take);
    });
    if (!report(st))
        return Result<Take>::failure(st.error());
    m_project.takes.append(take);
    m_takeIndex.insert(take.id, m_project.takes.size() - 1);
    if (take.shotId != 0)
        m_takesByShot[take.shotId].append(take.id);
    Q_EMIT takeAdded(take);
    return take;
}

void ProjectDocument::takeStored(Id takeId) {
    if (m_takeIndex.contains(takeId))
        return;
    qsizetype position = -1;
    // The queue appends, so the take is almost always the last one.
    for (qsizetype i = m_project.takes.size() - 1; i >= 0; --i) {
        if (m_project.takes[i].id == takeId) {
            position = i;
            break;
        }
    }
    if (position < 0)
        return;
    const Take take = m_project.takes[position];
    m_takeIndex.insert(take.id, position);
    if (take.shotId != 0)
        m_takesByShot[take.shotId].append(take.id);
    if (take.jobId != 0)
        Q_EMIT jobChanged(take.jobId);
    Q_EMIT takeAdded(take);
    if (take.shotId != 0)
        Q_EMIT shotChanged(take.shotId); // its approved take may have been set with it
    if (take.referenceId != 0)
        Q_EMIT referencesChanged(); // a look-book frame was filled
}

void ProjectDocument::jobUpdated(Id jobId) {
    Q_EMIT jobChanged(jobId);
}

Result<Id> ProjectDocument::allocateId() {
    Result<Id> id = m_store->allocateId();
    if (!id)
        Q_EMIT error(id.error());
    else
        m_project.nextId = std::max(m_project.nextId, *id + 1);
    return id;
}

Status ProjectDocument::saveAs(const QString &path) {
    if (Status st = report(m_store->saveAs(path)); !st)
        return st;
    Q_EMIT pathChanged(m_store->path());
    return Status::success();
}

QList<Id> ProjectDocument::shotsUsingCharacter(Id characterId) const {
    QList<Id> out;
    for (const Shot &s : m_project.shots)
        if (s.characterIds().contains(characterId))
            out.append(s.id);
    return out;
}

QList<Id> ProjectDocument::shotsAtLocation(Id locationId) const {
    QList<Id> out;
    for (const Shot &s : m_project.shots)
        if (const Scene *sc = scene(s.sceneId); sc && sc->locationId == locationId)
            out.append(s.id);
    return out;
}

QList<Id> ProjectDocument::shotsUnderPalette(const Palette &palette) const {
    QList<Id> out;
    for (const Shot &s : m_project.shots) {
        const Scene *sc = scene(s.sceneId);
        const bool inScope = palette.scope == PaletteScope::Film ||
                             (sc && palette.scope == PaletteScope::Act && sc->actId == palette.scopeId) ||
                             (sc && palette.scope == PaletteScope::Scene && sc->id == palette.scopeId);
        if (inScope)
            out.append(s.id);
    }
    return out;
}

void ProjectDocument::setStaleShots(const QList<Id> &shotIds) {
    const QSet<Id> now(shotIds.cbegin(), shotIds.cend());
    if (now == m_stale)
        return;
    QList<Id> changed;
    for (Id id : now)
        if (!m_stale.contains(id))
            changed.append(id);
    for (Id id : std::as_const(m_stale))
        if (!now.contains(id))
            changed.append(id);
    m_stale = now;
    for (Id id : std::as_const(changed))
        Q_EMIT shotStateChanged(id);
}

void ProjectDocument::setProgress(Id shotId, double fraction) {
    if (fraction < 0)
        m_progress.remove(shotId);
    else
        m_progress.insert(shotId, std::clamp(fraction, 0.0, 1.0));
    Q_EMIT shotStateChanged(shotId);
}

void ProjectDocument::setFailure(Id shotId, const QString &error) {
    if (error.isEmpty())
        m_failures.remove(shotId);
    else
        m_failures.insert(shotId, error);
    Q_EMIT shotStateChanged(shotId);
}

} // namespace shotcraft::models
