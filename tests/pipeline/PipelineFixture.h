// A small film for the pipeline's tests, benchmark and crash helper, and a request builder whose
// plans and prompts are scripted: which look-book frames a shot needs, which shot it chains to, and
// a prompt carrying the job's idempotency key ("[key:...]") so the stand-in server can count requests.
#pragma once

#include "domain/Project.h"
#include "pipeline/RequestBuilder.h"

#include <QHash>

namespace shotcraft::test {

struct PlanRules {
    QHash<Id, QList<Id>> lookBook; // shot -> look-book frames it needs
    QHash<Id, Id> chain;           // shot -> earlier shot it chains to
};

// `shots` shots over two scenes and `frames` look-book frames without images. Shot i (1-based) gets
// id 100 + i and number "<scene>.<i>"; frame j gets id 50 + j.
inline Project makeFilm(int shots, int frames = 0) {
    Project p;
    p.info.title = QStringLiteral("Pipeline test film");
    p.acts.append(Act{1, 1, QStringLiteral("Setup"), {}});
    Scene s1;
    s1.id = 10;
    s1.actId = 1;
    s1.number = QStringLiteral("1");
    s1.order = 0;
    s1.heading = QStringLiteral("INT. FERRY - NIGHT");
    Scene s2 = s1;
    s2.id = 11;
    s2.number = QStringLiteral("2");
    s2.order = 1;
    s2.heading = QStringLiteral("EXT. PIER - DAWN");
    p.scenes = {s1, s2};
    for (int i = 1; i <= shots; ++i) {
        Shot shot;
        shot.id = 100 + i;
        shot.sceneId = i <= (shots + 1) / 2 ? 10 : 11;
        shot.number = QStringLiteral("%1.%2").arg(shot.sceneId == 10 ? 1 : 2).arg(i);
        shot.order = i;
        shot.description = QStringLiteral("Shot %1 of the ferry crossing").arg(i);
        p.shots.append(shot);
    }
    for (int j = 1; j <= frames; ++j) {
        ReferenceImage ref;
        ref.id = 50 + j;
        ref.owner = ReferenceOwner::Film;
        ref.role = ReferenceRole::StyleFrame;
        ref.label = QStringLiteral("style frame %1").arg(j);
        p.references.append(ref);
    }
    p.nextId = 100 + shots + 1;
    return p;
}

inline pipeline::RequestBuilder scriptedBuilder(PlanRules rules = {}) {
    pipeline::RequestBuilder b;
    b.plan = [rules](const Project &project, const Job &job, int referenceLimit) {
        ConsistencyPlan plan;
        plan.referenceLimit = referenceLimit;
        if (job.kind == JobKind::LookBook) {
            plan.referenceTargetId = job.referenceId;
            plan.seed = 9000 + job.referenceId;
            plan.dnaHash = QStringLiteral("dna-look-%1").arg(job.referenceId);
            return plan;
        }
        plan.shotId = job.shotId;
        plan.seed = 1000 + job.shotId;
        plan.dnaHash = QStringLiteral("dna-shot-%1").arg(job.shotId);
        for (Id refId : rules.lookBook.value(job.shotId)) {
            plan.lookBookDependencies.append(refId);
            const ReferenceImage *ref = project.reference(refId);
            PromptReference pr;
            pr.referenceId = refId;
            pr.imageId = ref ? ref->imageId : 0;
            pr.role = ReferenceRole::StyleFrame;
            plan.references.append(pr);
        }
        if (Id chained = rules.chain.value(job.shotId)) {
            plan.chainedShotId = chained;
            const Shot *earlier = project.shot(chained);
            plan.chainedTakeId = earlier ? earlier->approvedTakeId : 0;
            PromptReference pr;
            pr.takeId = plan.chainedTakeId;
            pr.role = ReferenceRole::ChainedTake;
            plan.references.append(pr);
        }
        return plan;
    };
    b.prompt = [](const Project &project, const Job &job, const ConsistencyPlan &plan,
                  const providers::ImageProviderCaps &caps) {
        PromptPackage p;
        p.shotId = plan.shotId;
        p.referenceTargetId = plan.referenceTargetId;
        p.dialect = caps.dialect;
        p.params.seed = plan.seed;
        p.dnaHash = plan.dnaHash;
        p.references = plan.references;
        const Shot *shot = project.shot(job.shotId);
        const ReferenceImage *ref = project.reference(job.referenceId);
        p.positive = (shot  ? shot->description
                      : ref ? ref->label
                            : QString()) +
                     QStringLiteral(" [key:%1]").arg(job.idempotencyKey);
        return p;
    };
    b.soften = [](const PromptPackage &refused, const QString &) -> std::optional<PromptPackage> {
        if (!refused.positive.contains(QStringLiteral("gore")))
            return std::nullopt;
        PromptPackage p = refused;
        // "gore!" stands for a term the softener cannot fix: it stays refused.
        if (p.positive.contains(QStringLiteral("gore!")))
            p.positive.replace(QStringLiteral("gore!"), QStringLiteral("gore!!"));
        else
            p.positive.replace(QStringLiteral("gore"), QStringLiteral("aftermath"));
        p.modifications.append(QStringLiteral("softened 'gore' to 'aftermath'"));
        return p;
    };
    return b;
}

} // namespace shotcraft::test
