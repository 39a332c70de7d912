#pragma once

#include <QJsonObject>

namespace JsonMergePatch {
// Applies a JSON Merge Patch (RFC 7396) to `target`: members of `patch` replace those of
// `target`, nested objects are patched recursively, a null member removes the member (so it
// takes its default again), arrays are replaced whole. Used by PATCH on providers and models.
QJsonObject apply(const QJsonObject &target, const QJsonObject &patch);
} // namespace JsonMergePatch
