#include "director/Director.h"

namespace shotcraft::director {

namespace {

QString shotList(const Json &shots, int max = 12) {
    QStringList items;
    for (const Json &s : shots) {
        if (items.size() == max) {
            items.append(QStringLiteral("and %1 more").arg(shots.size() - max));
            break;
        }
        items.append(
            QStringLiteral("%1 (%2, %3)")
                .arg(s.value("shot", QString()), s.value("size", QString()), s.value("lens", QString())));
    }
    return items.join(QStringLiteral(", "));
}

} // namespace

QString toolCallsJson(const QList<ToolCall> &calls) {
    Json list = Json::array();
    for (const ToolCall &c : calls)
        list.push_back({{"id", c.id}, {"name", c.name}, {"arguments", c.arguments}});
    return QString::fromUtf8(toJsonBytes(list));
}

QString describeOutcome(const Project &, const ToolOutcome &o) {
    if (!o.ok)
        return QStringLiteral("%1: %2").arg(o.call.name, o.error);
    if (o.spend)
        return o.spend->summary + QLatin1Char('.');
    if (!o.edits.isEmpty()) {
        QStringList labels;
        for (const DirectorEdit &e : o.edits)
            labels.append(e.label);
        return labels.join(QStringLiteral("; ")) + QLatin1Char('.');
    }
    const Json &r = o.result;
    const QString &n = o.call.name;
    if (n == QLatin1String("update_shot") || n == QLatin1String("update_character") ||
        n == QLatin1String("update_location") || n == QLatin1String("update_palette"))
        return QStringLiteral("Nothing to change: it is already so.");
    if (n == QLatin1String("list_shots") || n == QLatin1String("find_shots")) {
        const int count = r.value("count", 0);
        return count == 0 ? QStringLiteral("No shot matches.")
                          : QStringLiteral("%1 shot%2: %3.")
                                .arg(count)
                                .arg(count == 1 ? QString() : QStringLiteral("s"), shotList(r.at("shots")));
    }
    if (n == QLatin1String("get_shot")) {
        const Json &s = r.at("summary");
        return QStringLiteral("Shot %1: %2, %3, %4, %5 — %6")
            .arg(s.value("shot", QString()), s.value("size", QString()), s.value("angle", QString()),
                 s.value("movement", QString()), s.value("lens", QString()),
                 s.value("description", QString()));
    }
    if (n == QLatin1String("explain_prompt")) {
        QStringList lines{QStringLiteral("Shot %1's prompt:").arg(r.value("shot", QString()))};
        for (const Json &e : r.at("rationale"))
            lines.append(QStringLiteral("• %1: %2 — %3")
                             .arg(e.value("aspect", QString()), e.value("choice", QString()),
                                  e.value("reason", QString())));
        return lines.join(QLatin1Char('\n'));
    }
    if (n == QLatin1String("get_dna")) {
        QStringList names;
        for (const Json &c : r.at("characters"))
            names.append(
                QStringLiteral("%1 (%2)").arg(c.value("name", QString()), c.value("wardrobe", QString())));
        QStringList places;
        for (const Json &l : r.at("locations"))
            places.append(l.value("name", QString()));
        return QStringLiteral("Characters: %1. Locations: %2.")
            .arg(names.join(QStringLiteral(", ")), places.join(QStringLiteral(", ")));
    }
    if (n == QLatin1String("approve_take"))
        return QStringLiteral("Shot %1: take %2 is circled.")
            .arg(r.value("shot", QString()))
            .arg(r.value("approved_take", 0));
    return QString::fromUtf8(toJsonBytes(r));
}

Director::Director(ProjectAccess &access)
    : m_access(access)
    , m_tools(access) {
}

void Director::setDefaultProvider(const QString &provider) {
    m_tools.setDefaultProvider(provider);
}

Status Director::record(ChatRole role, const QString &content, const QString &calls,
                        const QString &toolCallId) {
    ChatMessage message;
    message.role = role;
    message.content = content;
    message.toolCallsJson = calls;
    message.toolCallId = toolCallId;
    return m_access.appendChat(message);
}

ToolOutcome Director::runTool(const ToolCall &call, Turn &turn) {
    ToolOutcome outcome = m_tools.run(call);
    turn.edits.append(outcome.edits);
    if (outcome.spend) {
        if (autoConfirms(m_access.project(), *outcome.spend))
            turn.autoConfirmed.append(*outcome.spend);
        else
            turn.pending.append(*outcome.spend);
    }
    turn.outcomes.append(outcome);
    (void)record(ChatRole::Tool, outcome.resultText(), {}, call.id);
    return outcome;
}

Turn Director::runOffline(const QString &message) {
    Turn turn;
    (void)record(ChatRole::User, message);
    const Interpretation reading = interpretCommand(m_access.project(), message, m_context);
    if (!reading.understood()) {
        turn.understood = false;
        turn.reply = reading.notUnderstood;
        (void)record(ChatRole::Assistant, turn.reply);
        return turn;
    }
    (void)record(ChatRole::Assistant, {}, toolCallsJson(reading.calls));
    QStringList lines;
    for (const ToolCall &call : reading.calls)
        lines.append(describeOutcome(m_access.project(), runTool(call, turn)));
    if (!turn.pending.isEmpty())
        lines.append(QStringLiteral("Nothing is generated until you confirm."));
    if (!reading.ignored.isEmpty())
        lines.append(QStringLiteral("I did not understand \"%1\" and left it out.")
                         .arg(reading.ignored.join(QLatin1Char(' '))));
    turn.reply = lines.join(QLatin1Char('\n'));
    (void)record(ChatRole::Assistant, turn.reply);
    return turn;
}

Status Director::confirm(const SpendRequest &spend, Spender &spender) {
    switch (spend.kind) {
    case SpendRequest::Kind::RegenerateShots:
        return spender.regenerate(spend.shotIds, spend.changes, spend.provider);
    case SpendRequest::Kind::LookBook:
        return spender.generateLookBook(spend.regenerateLookBook, spend.provider);
    }
    return Status::failure(QStringLiteral("unknown action"));
}

bool Director::autoConfirms(const Project &project, const SpendRequest &spend) {
    return project.info.directorAutoConfirmPreviz && spend.provider == QLatin1String("previz");
}

} // namespace shotcraft::director
