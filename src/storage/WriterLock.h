// The one process that may run generation jobs of a project. Edits from two processes are safe
// through SQLite's locking (WAL, busy timeout); two job runners are not, because both would take up
// the same unfinished jobs and pay for them twice. The lock is a file beside the project naming its
// holder's pid; a holder that died (kill -9, power loss) leaves a stale lock that the next one takes.
// Within one process the lock is shared: every queue of the process holds the same lock file.
#pragma once

#include "domain/Result.h"

#include <QLockFile>

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

private:
    explicit WriterLock(std::shared_ptr<QLockFile> file, QString key);
    std::shared_ptr<QLockFile> m_file;
    QString m_key;
};

} // namespace shotcraft::storage
