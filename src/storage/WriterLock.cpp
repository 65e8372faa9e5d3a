#include "storage/WriterLock.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>

namespace shotcraft::storage {

namespace {
// The lock files this process holds, by lock path, shared by every holder in the process.
QMutex g_heldMutex;
QHash<QString, std::weak_ptr<QLockFile>> g_held;
} // namespace

WriterLock::WriterLock(std::shared_ptr<QLockFile> file, QString key)
    : m_file(std::move(file))
    , m_key(std::move(key)) {
}

WriterLock::~WriterLock() {
    const QMutexLocker locker(&g_heldMutex);
    m_file.reset();
    if (auto it = g_held.find(m_key); it != g_held.end() && it->expired())
        g_held.erase(it);
}

QString WriterLock::lockPathFor(const QString &projectPath) {
    return projectPath + QStringLiteral(".lock");
}

Result<std::unique_ptr<WriterLock>> WriterLock::acquire(const QString &projectPath) {
    using R = Result<std::unique_ptr<WriterLock>>;
    const QString name = QFileInfo(projectPath).fileName();
    const QString key = QFileInfo(lockPathFor(projectPath)).absoluteFilePath();
    const QMutexLocker locker(&g_heldMutex);
    if (std::shared_ptr<QLockFile> held = g_held.value(key).lock())
        return R(std::unique_ptr<WriterLock>(new WriterLock(std::move(held), key)));
    auto file = std::make_shared<QLockFile>(key);
    // Never stale by age: a long run holds it for hours. A dead holder is still detected by pid.
    file->setStaleLockTime(0);
    if (file->tryLock(0)) {
        g_held.insert(key, file);
        return R(std::unique_ptr<WriterLock>(new WriterLock(std::move(file), key)));
    }
    switch (file->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host, app;
        if (file->getLockInfo(&pid, &host, &app))
            return R::failure(
                QStringLiteral("%1 is open in another Shotcraft (pid %2%3); close it there first")
                    .arg(name)
                    .arg(pid)
                    .arg(host.isEmpty() ? QString() : QStringLiteral(" on ") + host));
        return R::failure(QStringLiteral("%1 is open in another Shotcraft; close it there first").arg(name));
    }
    case QLockFile::PermissionError:
        return R::failure(QStringLiteral("cannot lock %1: its folder is not writable").arg(name));
    default:
        return R::failure(QStringLiteral("cannot lock %1").arg(name));
    }
}

} // namespace shotcraft::storage
