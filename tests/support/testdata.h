#pragma once

#include <QByteArray>
#include <QString>

// Files under tests/data/. The directory comes from LLMO_TEST_DATA (set by ctest through
// llmo_add_test), else from the source tree the library was built from, so that a test
// binary also runs by hand.
namespace testdata {
QString dir();
QString path(const QString &relative);
// The file's bytes; empty, with a warning naming the path, when it cannot be read.
QByteArray read(const QString &relative);
} // namespace testdata
