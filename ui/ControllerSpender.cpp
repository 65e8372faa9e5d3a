#include "ControllerSpender.h"

#include "GenerationController.h"
#include "models/ProjectDocument.h"

#include <QCoreApplication>

namespace shotcraft::ui {

Status ControllerSpender::checkEngine(const QString &provider) const {
    const providers::ImageProvider *engine = m_controller.provider();
    if (!engine)
        return Status::failure(QCoreApplication::translate("ControllerSpender", "no image engine is chosen"));
    if (!provider.isEmpty() && provider != engine->name())
        return Status::failure(QCoreApplication::translate("ControllerSpender",
                                                           "the window generates on %1; choose %2 in the "
                                                           "tool bar first")
                                   .arg(engine->name(), provider));
    return Status::success();
}

QList<Id> ControllerSpender::jobIds() const {
    QList<Id> ids;
    for (const Job &job : m_document.project().jobs)
        ids.append(job.id);
    return ids;
}

void ControllerSpender::noteNewJobs(const QList<Id> &before) {
    for (Id id : jobIds())
        if (!before.contains(id))
            m_started.append(id);
}

Status ControllerSpender::regenerate(const QList<Id> &shotIds, const QString &changes,
                                     const QString &provider) {
    if (Status st = checkEngine(provider); !st)
        return st;
    const QList<Id> before = jobIds();
    const Status st = m_controller.regenerate(shotIds, changes);
    noteNewJobs(before);
    return st;
}

Status ControllerSpender::generateLookBook(bool regenerateAll, const QString &provider) {
    if (Status st = checkEngine(provider); !st)
        return st;
    QList<Id> ids;
    for (const ReferenceImage &r : m_document.project().references)
        if (!r.userSupplied)
            ids.append(r.id);
    const QList<Id> before = jobIds();
    const Status st = m_controller.generateLookBook(
        ids, regenerateAll ? pipeline::GenerationQueue::LookBookFill::Regenerate
                           : pipeline::GenerationQueue::LookBookFill::MissingOnly);
    noteNewJobs(before);
    return st;
}

} // namespace shotcraft::ui
