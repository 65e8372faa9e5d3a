// What the test servers write on an HTTP status line.
#pragma once

#include <QByteArray>

namespace shotcraft::test {

// The status line's words for the statuses the test servers send ("Too Many Requests").
QByteArray reasonPhrase(int status);

} // namespace shotcraft::test
