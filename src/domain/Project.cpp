#include "domain/Project.h"

#include <algorithm>

namespace shotcraft {

namespace {
template <typename T> const T *findById(const QList<T> &list, Id id) {
    if (id == 0)
        return nullptr;
    auto it = std::find_if(list.cbegin(), list.cend(), [id](const T &item) { return item.id == id; });
    return it == list.cend() ? nullptr : &*it;
}
} // namespace

const Act *Project::act(Id id) const {
    return findById(acts, id);
}
const Scene *Project::scene(Id id) const {
    return findById(scenes, id);
}
const Shot *Project::shot(Id id) const {
    return findById(shots, id);
}
Shot *Project::shot(Id id) {
    return const_cast<Shot *>(findById(shots, id));
}
const Character *Project::character(Id id) const {
    return findById(characters, id);
}
const Location *Project::location(Id id) const {
    return findById(locations, id);
}
const Take *Project::take(Id id) const {
    return findById(takes, id);
}
const ReferenceImage *Project::reference(Id id) const {
    return findById(references, id);
}

const Character *Project::characterByName(const QString &name) const {
    for (const Character &c : characters) {
        if (c.name.compare(name, Qt::CaseInsensitive) == 0 || c.aliases.contains(name, Qt::CaseInsensitive))
            return &c;
    }
    return nullptr;
}

QList<const Shot *> Project::shotsOfScene(Id sceneId) const {
    QList<const Shot *> out;
    for (const Shot &s : shots)
        if (s.sceneId == sceneId)
            out.append(&s);
    std::stable_sort(out.begin(), out.end(),
                     [](const Shot *a, const Shot *b) { return a->order < b->order; });
    return out;
}

QList<const Scene *> Project::scenesOfAct(Id actId) const {
    QList<const Scene *> out;
    for (const Scene &s : scenes)
        if (s.actId == actId)
            out.append(&s);
    return out;
}

QList<const Take *> Project::takesOfShot(Id shotId) const {
    QList<const Take *> out;
    for (const Take &t : takes)
        if (t.shotId == shotId && shotId != 0)
            out.append(&t);
    return out;
}

const Shot *Project::findShot(const QString &numberOrId) const {
    for (const Shot &s : shots)
        if (s.number == numberOrId)
            return &s;
    bool isNumber = false;
    const Id id = numberOrId.toLongLong(&isNumber);
    return isNumber ? shot(id) : nullptr;
}

} // namespace shotcraft
