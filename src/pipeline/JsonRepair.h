// Recovers the JSON value a language model meant to send from what it actually sent: code fences,
// prose around the JSON, trailing commas, comments, Python literals and a truncated tail (the
// answer cut by the token limit) are repaired. Repair never invents content: a truncated answer is
// closed where it stopped, and the schema check that follows decides whether that is enough.
#pragma once

#include "domain/Json.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace shotcraft::pipeline {

struct JsonRepairResult {
    std::optional<Json> value;
    QStringList repairs;    // what was done, in order ("stripped code fence", ...); empty if none
    bool truncated = false; // the text ended inside the value and was closed
    QString error;          // why nothing could be recovered
};

class JsonRepair {
public:
    static JsonRepairResult repair(const QString &text);

    // The individual steps, exposed for the tests.
    static QString stripCodeFence(const QString &text, bool *changed = nullptr);
    // The first JSON object or array in the text, through its matching close (or to the end).
    static QString extractValue(const QString &text, bool *changed = nullptr);
    // Outside strings: drops comments and trailing commas, maps True/False/None to JSON; inside
    // strings: escapes raw control characters (a newline typed into a value). Names what it did.
    static QString cleanSyntax(const QString &text, QStringList *repairs = nullptr);
    // Closes strings, arrays and objects left open and drops a dangling key or comma.
    static QString closeTruncated(const QString &text, bool *changed = nullptr);
};

} // namespace shotcraft::pipeline
