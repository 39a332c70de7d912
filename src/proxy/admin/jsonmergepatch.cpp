#include "admin/jsonmergepatch.h"

QJsonObject JsonMergePatch::apply(const QJsonObject &target, const QJsonObject &patch)
{
    QJsonObject result = target;
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        const QJsonValue value = it.value();
        if (value.isNull())
            result.remove(it.key());
        else if (value.isObject())
            result.insert(it.key(), apply(result.value(it.key()).toObject(), value.toObject()));
        else
            result.insert(it.key(), value);
    }
    return result;
}
