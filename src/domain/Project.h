// A whole film project in memory: its settings and every entity of the breakdown and the DNA.
// ProjectStore persists it; the breakdown creates it; everything else reads and edits it.
#pragma once

#include "domain/Act.h"
#include "domain/Character.h"
#include "domain/ChatMessage.h"
#include "domain/Job.h"
#include "domain/Location.h"
#include "domain/Palette.h"
#include "domain/ReferenceImage.h"
#include "domain/Scene.h"
#include "domain/Shot.h"
#include "domain/StyleToken.h"
#include "domain/Take.h"

namespace shotcraft {

enum class SeedPolicy { PerScene, PerCharacter, PerShot };
NLOHMANN_JSON_SERIALIZE_ENUM(SeedPolicy, {{SeedPolicy::PerScene, "per-scene"},
                                          {SeedPolicy::PerCharacter, "per-character"},
                                          {SeedPolicy::PerShot, "per-shot"}})

// The project's own settings (one row in the project file).
struct ProjectInfo {
    QString title;
    QString author;
    QString logline;
    QString genre = QStringLiteral("drama");
    double aspectRatio = 16.0 / 9.0; // width / height; changeable at any time
    double fps = 24.0;
    QString period; // "1950s", empty for contemporary
    SeedPolicy seedPolicy = SeedPolicy::PerScene;
    qint64 baseSeed = 1234;
    bool enhancePrompts = false;
    QString imageProvider = QStringLiteral("previz");
    QString sourceName; // the script file it was made from (file name only)
    // The director may regenerate on the previz engine without asking (never on a paid service).
    bool directorAutoConfirmPreviz = false;
    bool operator==(const ProjectInfo &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ProjectInfo, title, author, logline, genre, aspectRatio, fps,
                                                period, seedPolicy, baseSeed, enhancePrompts, imageProvider,
                                                sourceName, directorAutoConfirmPreviz)

struct Project {
    ProjectInfo info;
    QList<Act> acts;
    QList<Scene> scenes; // film order
    QList<Shot> shots;   // film order (scene by scene)
    QList<Character> characters;
    QList<Location> locations;
    QList<Palette> palettes;
    QList<StyleToken> styleTokens;
    QList<ReferenceImage> references;
    QList<Take> takes;
    QList<Job> jobs;
    QList<ChatMessage> chat;
    Id nextId = 1;

    Id allocateId() { return nextId++; }

    const Act *act(Id id) const;
    const Scene *scene(Id id) const;
    const Shot *shot(Id id) const;
    Shot *shot(Id id);
    const Character *character(Id id) const;
    const Character *characterByName(const QString &name) const;
    const Location *location(Id id) const;
    const Take *take(Id id) const;
    const ReferenceImage *reference(Id id) const;

    QList<const Shot *> shotsOfScene(Id sceneId) const;
    QList<const Scene *> scenesOfAct(Id actId) const;
    QList<const Take *> takesOfShot(Id shotId) const;
    // Finds a shot by its board number ("12A") or, failing that, by id.
    const Shot *findShot(const QString &numberOrId) const;

    bool operator==(const Project &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Project, info, acts, scenes, shots, characters, locations,
                                                palettes, styleTokens, references, takes, jobs, chat, nextId)

} // namespace shotcraft
