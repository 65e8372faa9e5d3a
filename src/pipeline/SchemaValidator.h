// Checks a JSON value against a JSON schema, field by field, and names every violation with its
// path ("/acts/0/scenes/2/shots/1/lens/focalLengthMm: 3 is below the minimum 8"). Covers the subset
// that structured-output schemas use: type (incl. type lists for nullable), properties, required,
// additionalProperties, items, enum, const, minItems/maxItems, minLength/maxLength,
// minimum/maximum, pattern and anyOf. The messages go back to the model when it is re-asked.
#pragma once

#include "domain/Json.h"

#include <QStringList>

namespace shotcraft::pipeline {

class SchemaValidator {
public:
    // Every violation, at most `limit` of them (a broken answer is not worth a thousand lines).
    static QStringList validate(const Json &value, const Json &schema, int limit = 40);
};

// Builders for the schemas sent to models.
namespace schema {
Json text(int maxLength = 0); // a string, at most maxLength characters when > 0
Json arrayOf(const Json &items, int minItems = 0);
// Strict structured output: every property required, nothing else allowed.
Json strictObject(const Json &properties);
} // namespace schema

} // namespace shotcraft::pipeline
