#include "storage/WriterLock.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSysInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shotcraft::storage {

struct WriterLock::Held {
    int fd = -1;
    QByteArray path;
    ~Held() {
        // Unlinked while still locked, so no one can lock the old file after it is gone; a process
        // that opened it just before sees a different file at the path and tries again.
        ::unlink(path.constData());
        ::close(fd);
    }
};

namespace {

// The lock files this process holds, by lock path, shared by every holder in the process.
QMutex g_heldMutex;
QHash<QString, std::weak_ptr<WriterLock::Held>> g_held;

// "pid\nhost\n", as the holder wrote it; empty while a holder is between locking and writing.
QString holderOf(int fd) {
    char buffer[256] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    const QStringList lines = QString::fromUtf8(buffer, n > 0 ? int(n) : 0).split(u'\n');
    bool ok = false;
    const qint64 pid = lines.value(0).toLongLong(&ok);
    if (!ok)
        return {};
    const QString host = lines.value(1).trimmed();
    return QStringLiteral(" (pid %1%2)")
        .arg(pid)
        .arg(host.isEmpty() ? QString() : QStringLiteral(" on ") + host);
}

bool sameFile(int fd, const QByteArray &path) {
    struct stat opened {};
    struct stat atPath {};
    return ::fstat(fd, &opened) == 0 && ::stat(path.constData(), &atPath) == 0 &&
           opened.st_dev == atPath.st_dev && opened.st_ino == atPath.st_ino;
}

} // namespace

WriterLock::WriterLock(std::shared_ptr<Held> held, QString key)
    : m_held(std::move(held))
    , m_key(std::move(key)) {
}

WriterLock::~WriterLock() {
    const QMutexLocker locker(&g_heldMutex);
    m_held.reset();
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
    if (std::shared_ptr<Held> held = g_held.value(key).lock())
        return R(std::unique_ptr<WriterLock>(new WriterLock(std::move(held), key)));
    const QByteArray path = QFile::encodeName(key);
    // A few tries: the file can be unlinked by its holder between our open and our lock.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) {
            if (errno == EACCES || errno == EROFS || errno == EPERM)
                return R::failure(QStringLiteral("cannot lock %1: its folder is not writable").arg(name));
            return R::failure(
                QStringLiteral("cannot lock %1: %2").arg(name, QString::fromLocal8Bit(std::strerror(errno))));
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            const QString holder = holderOf(fd);
            ::close(fd);
            if (error == EWOULDBLOCK)
                return R::failure(QStringLiteral("%1 is open in another Shotcraft%2; close it there first")
                                      .arg(name, holder));
            return R::failure(
                QStringLiteral("cannot lock %1: %2").arg(name, QString::fromLocal8Bit(std::strerror(error))));
        }
        if (!sameFile(fd, path)) {
            ::close(fd);
            continue;
        }
        const QByteArray info =
            QByteArray::number(qint64(::getpid())) + '\n' + QSysInfo::machineHostName().toUtf8() + '\n';
        if (::ftruncate(fd, 0) != 0 ||
            ::pwrite(fd, info.constData(), size_t(info.size()), 0) != info.size()) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return R::failure(QStringLiteral("cannot lock %1: %2").arg(name, reason));
        }
        auto held = std::make_shared<Held>();
        held->fd = fd;
        held->path = path;
        g_held.insert(key, held);
        return R(std::unique_ptr<WriterLock>(new WriterLock(std::move(held), key)));
    }
    return R::failure(QStringLiteral("cannot lock %1: its lock file keeps changing").arg(name));
}

} // namespace shotcraft::storage
