#include "pipeline/RequestBuilder.h"

#include "cinema/PromptEngine.h"
#include "dna/ConsistencyPlanner.h"
#include "domain/Logging.h"
#include "pipeline/PromptEnhancer.h"
#include "providers/HttpClient.h"
#include "providers/LlmHttpProvider.h"
#include "providers/LlmRegistry.h"

#include <QPointer>

namespace shotcraft::pipeline {

namespace {

// What the enhancement of one builder shares between jobs: the language model (found on first use)
// and a gate that keeps the requests to it within the profile's concurrency, so a long queue of
// shots does not open one connection per shot at once.
struct Enhancement {
    QString profileName;
    std::shared_ptr<providers::LlmProvider> provider;
    std::shared_ptr<providers::ConcurrencyGate> gate;
    bool warned = false;

    bool ready() {
        if (provider)
            return true;
        auto made = providers::LlmRegistry::createOrDefault(profileName);
        if (!made) {
            if (!std::exchange(warned, true))
                qCWarning(lcPipeline).noquote()
                    << "prompt enhancement is on, but the engine's prompts are sent as they are:"
                    << made.error();
            return false;
        }
        provider = *made;
        const auto *http = dynamic_cast<const providers::LlmHttpProvider *>(provider.get());
        gate = std::make_shared<providers::ConcurrencyGate>(http ? http->profile().maxConcurrency : 1);
        return true;
    }
};

bool enhanceShot(Enhancement &e, const Project &project, const Job &job, const PromptPackage &package,
                 QObject *context, std::function<void(PromptPackage)> done) {
    if (job.kind != JobKind::Shot || !PromptEnhancer::enabledFor(project))
        return false;
    const Shot *shot = project.shot(job.shotId);
    if (!shot || !e.ready())
        return false;
    auto *enhancer = new PromptEnhancer(e.provider, package, *shot, 2, context);
    // The slot is given back once, whether the enhancer finished or went away with its context.
    auto holdsSlot = std::make_shared<bool>(false);
    auto release = [gate = e.gate, holdsSlot] {
        if (std::exchange(*holdsSlot, false))
            gate->release();
    };
    QObject::connect(enhancer, &QObject::destroyed, e.gate.get(), release);
    const QString number = shot->number;
    QObject::connect(enhancer, &PromptEnhancer::finished, context, [enhancer, release, done, number] {
        release();
        if (!enhancer->succeeded())
            qCInfo(lcPipeline).noquote()
                << "shot" << number << "keeps the engine's prompt; enhancement failed:" << enhancer->error();
        done(enhancer->package());
        enhancer->deleteLater();
    });
    e.gate->acquire(enhancer, [enhancer, holdsSlot] {
        *holdsSlot = true;
        enhancer->start();
    });
    return true;
}

} // namespace

RequestBuilder defaultRequestBuilder(const QString &llmProfile) {
    RequestBuilder b;
    b.plan = [](const Project &project, const Job &job, int referenceLimit) {
        return job.kind == JobKind::LookBook
                   ? dna::planLookBookFrame(project, job.referenceId, referenceLimit)
                   : dna::planShot(project, job.shotId, referenceLimit);
    };
    b.prompt = [](const Project &project, const Job &job, const ConsistencyPlan &plan,
                  const providers::ImageProviderCaps &caps) {
        cinema::PromptOptions options;
        options.dialect = caps.dialect;
        options.allowedSizes = caps.allowedSizes;
        if (job.kind == JobKind::LookBook) {
            const ReferenceImage *target = project.reference(job.referenceId);
            return target ? cinema::buildLookBookPrompt(project, *target, plan, options) : PromptPackage{};
        }
        const Shot *shot = project.shot(job.shotId);
        return shot ? cinema::buildPrompt(project, *shot, plan, options) : PromptPackage{};
    };
    b.enhance = [state = std::make_shared<Enhancement>(Enhancement{llmProfile, {}, {}, false})](
                    const Project &project, const Job &job, const PromptPackage &package, QObject *context,
                    std::function<void(PromptPackage)> done) {
        return enhanceShot(*state, project, job, package, context, std::move(done));
    };
    b.soften = [](const PromptPackage &refused, const QString &refusal) -> std::optional<PromptPackage> {
        cinema::SoftenedPrompt softer = cinema::softenPrompt(refused, refusal);
        if (softer.changes.isEmpty() && softer.package.positive == refused.positive)
            return std::nullopt;
        return softer.package;
    };
    return b;
}

} // namespace shotcraft::pipeline
