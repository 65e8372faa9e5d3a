// The open project as the views see it: the ProjectStore plus an in-memory copy of the Project,
// kept in step. Every mutating call is one store transaction and then one change signal, so item
// models and docks update incrementally. The generation queue writes takes and jobs itself (through
// mutableProject()) and reports them with takeStored() / jobUpdated(). Also carries the per-shot
// state the storyboard shows: generation progress and last failure (transient), and staleness (set
// from the takes' recorded DNA hashes, so it is the same after reopening the project).
#pragma once

#include "domain/Project.h"
#include "domain/Result.h"
#include "storage/ProjectStore.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace shotcraft::models {

class ProjectDocument : public QObject {
    Q_OBJECT
public:
    explicit ProjectDocument(std::unique_ptr<storage::ProjectStore> store, Project project,
                             QObject *parent = nullptr);
    ~ProjectDocument() override;

    // Opens a project file and loads everything but image bytes.
    static Result<std::unique_ptr<ProjectDocument>> open(const QString &path);
    // Creates a new project file holding `project` and opens it.
    static Result<std::unique_ptr<ProjectDocument>> create(const QString &path, const Project &project);

    const Project &project() const { return m_project; }
    // For pipeline::GenerationQueue, which writes the store and keeps this copy in step itself;
    // whoever drives it reports what it wrote with takeStored() and jobUpdated().
    Project &mutableProject() { return m_project; }
    storage::ProjectStore &store() { return *m_store; }
    QString path() const { return m_store->path(); }

    // Constant-time look-ups (the storyboard asks for every visible card on every paint).
    const Shot *shot(Id id) const;
    const Take *take(Id id) const;
    const Scene *scene(Id id) const;
    const Character *character(Id id) const;
    // The image of the shot's approved take, 0 when it has none.
    Id approvedImageId(Id shotId) const;
    QList<const Take *> takesOfShot(Id shotId) const;
    QList<const ReferenceImage *> referencesOf(ReferenceOwner owner, Id ownerId) const;

    // Writes, each one transaction; on failure the memory copy is untouched and error() is emitted.
    Status saveShot(const Shot &shot);
    Status moveShot(Id shotId, int newOrder);
    Status saveCharacter(const Character &character);
    Status saveLocation(const Location &location);
    Status savePalette(const Palette &palette);
    Status saveStyleToken(const StyleToken &token);
    Status removeStyleToken(Id id);
    Status saveReference(const ReferenceImage &reference);
    Status removeReference(Id id);
    Status saveInfo(const ProjectInfo &info);
    Status saveJob(const Job &job);
    // Stores the image bytes and the take in one transaction; the take's imageId is filled in.
    Result<Take> addTake(Take take, const QByteArray &encoded, const QByteArray &thumbnail);
    Result<Id> allocateId();
    Status saveAs(const QString &path);

    // A take (and the job, shot approval or look-book frame stored with it) that was written to the
    // store and appended to mutableProject() by someone else: index it and emit the change signals.
    void takeStored(Id takeId);
    // A job changed (or was appended) in mutableProject() by someone else.
    void jobUpdated(Id jobId);

    // Which shots an edit of a DNA element affects (the shots it makes stale).
    QList<Id> shotsUsingCharacter(Id characterId) const;
    QList<Id> shotsAtLocation(Id locationId) const;
    QList<Id> shotsUnderPalette(const Palette &palette) const;

    // Whether the shot's current take was generated under DNA that has changed since (as computed by
    // dna::staleShots, which this module does not link: the caller passes its result in).
    bool isStale(Id shotId) const { return m_stale.contains(shotId); }
    QList<Id> staleShots() const { return {m_stale.cbegin(), m_stale.cend()}; }
    // Replaces the stale set; shotStateChanged is emitted for each shot that changed.
    void setStaleShots(const QList<Id> &shotIds);

    // Transient state shown on the cards.
    double progress(Id shotId) const { return m_progress.value(shotId, -1.0); } // -1: not generating
    void setProgress(Id shotId, double fraction);                               // -1 to clear
    QString failure(Id shotId) const { return m_failures.value(shotId); }
    void setFailure(Id shotId, const QString &error);

Q_SIGNALS:
    void shotChanged(shotcraft::Id shotId);
    // A shot moved within its scene (rows between the two positions shifted by one).
    void shotMoved(shotcraft::Id shotId, int fromOrder, int toOrder);
    void shotStateChanged(shotcraft::Id shotId); // progress, failure or staleness
    void takeAdded(shotcraft::Take take);
    void characterChanged(shotcraft::Id characterId);
    void locationChanged(shotcraft::Id locationId);
    void paletteChanged(shotcraft::Id paletteId);
    void styleTokensChanged();
    void referencesChanged();
    void infoChanged();
    void jobChanged(shotcraft::Id jobId);
    void pathChanged(const QString &path);
    void error(const QString &message);

private:
    Status report(Status status);
    template <typename T> static void upsert(QList<T> &list, const T &value);
    void reindex();
    void sortSceneShots(Id sceneId);

    std::unique_ptr<storage::ProjectStore> m_store;
    Project m_project;
    QHash<Id, qsizetype> m_shotIndex;
    QHash<Id, qsizetype> m_takeIndex;
    QHash<Id, qsizetype> m_sceneIndex;
    QHash<Id, QList<Id>> m_takesByShot;
    QSet<Id> m_stale;
    QHash<Id, double> m_progress;
    QHash<Id, QString> m_failures;
};

} // namespace shotcraft::models
