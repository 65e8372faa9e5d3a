// The one process that may run generation jobs of a project. Edits from two processes are safe
// through SQLite's locking (WAL, busy timeout); two job runners are not, because both would take up
// the same unfinished jobs and pay for them twice. The lock is an advisory flock() on a file beside
// the project, which names its holder's pid for the message a second runner gets. The kernel drops
// the lock when its holder dies (kill -9, a crash), so a dead holder never blocks the next one, at
// whatever moment it died; a file it leaves behind is taken over as it is.
// Within one process the lock is shared: every queue of the process holds the same lock file.
#pragma once

#include "domain/Result.h"

#include <QString>

#include <memory>

namespace shotcraft::storage {

class WriterLock {
public:
    // Fails with one line naming the holder ("... is open in another Shotcraft (pid 4242)") when a
    // live process holds it, or the reason the lock file cannot be made.
    static Result<std::unique_ptr<WriterLock>> acquire(const QString &projectPath);
    static QString lockPathFor(const QString &projectPath);

    WriterLock(const WriterLock &) = delete;
    WriterLock &operator=(const WriterLock &) = delete;

    ~WriterLock();

    struct Held; // the open, locked file of this process

private:
    WriterLock(std::shared_ptr<Held> held, QString key);
    std::shared_ptr<Held> m_held;
    QString m_key;
};

} // namespace shotcraft::storage
