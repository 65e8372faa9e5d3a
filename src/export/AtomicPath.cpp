#include "export/AtomicPath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

namespace shotcraft::exporting {

namespace {

void removePath(const QString &path) {
    const QFileInfo info(path);
    if (info.isDir() && !info.isSymLink())
        QDir(path).removeRecursively();
    else if (info.exists() || info.isSymLink())
        QFile::remove(path);
}

} // namespace

AtomicPath::AtomicPath(QString destination, Kind kind)
    : m_destination(QFileInfo(destination).absoluteFilePath())
    , m_kind(kind) {
    const QFileInfo info(m_destination);
    m_temporary = info.dir().filePath(
        QStringLiteral(".%1.partial-%2").arg(info.fileName()).arg(QCoreApplication::applicationPid()));
    if (m_kind == Kind::File && !info.suffix().isEmpty())
        m_temporary += u'.' + info.suffix(); // programs pick the container from the extension
}

AtomicPath::~AtomicPath() {
    if (!m_committed)
        discard();
}

Status AtomicPath::prepare() {
    const QFileInfo info(m_destination);
    if (!QDir().mkpath(info.absolutePath()))
        return Status::failure(QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
    removePath(m_temporary);
    // A probe file tells a read-only destination apart before any work is done.
    QTemporaryFile probe(info.dir().filePath(QStringLiteral(".shotcraft-probe-XXXXXX")));
    if (!probe.open())
        return Status::failure(
            QStringLiteral("cannot write into %1: %2").arg(info.absolutePath(), probe.errorString()));
    probe.close();
    if (m_kind == Kind::Folder && !QDir().mkpath(m_temporary))
        return Status::failure(QStringLiteral("cannot create the folder %1").arg(m_temporary));
    return Status::success();
}

Status AtomicPath::commit() {
    if (!QFileInfo::exists(m_temporary))
        return Status::failure(QStringLiteral("nothing was written for %1").arg(m_destination));
    // Keep the old export until the new one is in place, then drop it.
    const QString previous = m_temporary + QStringLiteral(".old");
    const bool hadPrevious = QFileInfo::exists(m_destination);
    if (hadPrevious) {
        removePath(previous);
        if (!QDir().rename(m_destination, previous))
            return Status::failure(QStringLiteral("cannot replace %1").arg(m_destination));
    }
    if (!QDir().rename(m_temporary, m_destination)) {
        if (hadPrevious)
            QDir().rename(previous, m_destination);
        return Status::failure(QStringLiteral("cannot move the export into %1").arg(m_destination));
    }
    if (hadPrevious)
        removePath(previous);
    m_committed = true;
    return Status::success();
}

void AtomicPath::discard() {
    removePath(m_temporary);
}

} // namespace shotcraft::exporting
