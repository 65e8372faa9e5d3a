// A generation job, kept in the project file so that a run survives a crash.
#pragma once

#include "domain/CinemaTypes.h"

namespace shotcraft {

enum class JobState { Queued, Running, Succeeded, Failed, Cancelled };
NLOHMANN_JSON_SERIALIZE_ENUM(JobState, {{JobState::Queued, "queued"},
                                        {JobState::Running, "running"},
                                        {JobState::Succeeded, "succeeded"},
                                        {JobState::Failed, "failed"},
                                        {JobState::Cancelled, "cancelled"}})

enum class JobKind { Shot, LookBook };
NLOHMANN_JSON_SERIALIZE_ENUM(JobKind, {{JobKind::Shot, "shot"}, {JobKind::LookBook, "look-book"}})

struct Job {
    Id id = 0;
    JobKind kind = JobKind::Shot;
    Id shotId = 0;
    Id referenceId = 0; // the look-book frame to fill
    JobState state = JobState::Queued;
    int attempts = 0;
    QString lastError;
    QString idempotencyKey; // one key per intended take: a stored take with it is never requested again
    QList<Id> dependsOn;
    QString provider;
    Id takeId = 0;
    QString createdAt;
    QString updatedAt;
    bool operator==(const Job &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Job, id, kind, shotId, referenceId, state, attempts,
                                                lastError, idempotencyKey, dependsOn, provider, takeId,
                                                createdAt, updatedAt)

} // namespace shotcraft
