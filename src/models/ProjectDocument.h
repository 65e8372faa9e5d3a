// The open project as the views see it: the ProjectStore plus an in-memory copy of the Project,
// kept in step. Every mutating call is one store transaction and then one change signal, so item
// models and docks update incrementally. Also carries the transient per-shot state the storyboard
// shows (generation progress, last failure, staleness), which is not part of the project file.
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

    // Which shots an edit of a DNA element affects (the shots it makes stale).
    QList<Id> shotsUsingCharacter(Id characterId) const;
    QList<Id> shotsAtLocation(Id locationId) const;
    QList<Id> shotsUnderPalette(const Palette &palette) const;

    // Transient state shown on the cards.
    // A shot is stale while the take that was approved when its DNA changed is still the approved one.
    bool isStale(Id shotId) const;
    void markStale(const QList<Id> &shotIds);
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
    QHash<Id, Id> m_stale; // shot -> the approved take that went stale
    QHash<Id, double> m_progress;
    QHash<Id, QString> m_failures;
};

} // namespace shotcraft::models
