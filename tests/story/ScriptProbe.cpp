#include "ScriptProbe.h"

namespace shotcraft::test {

using namespace story;

// What a probe reads from a parsed script, as text so that one table covers every kind of check.
QString probe(const Screenplay &s, const QString &what) {
    const QString kind = what.section(u':', 0, 0);
    const QString arg = what.section(u':', 1);
    QStringList values;
    int count = 0;
    for (const ScriptElement &e : s.elements) {
        if (kind == QLatin1String("count") && elementTypeName(e.type) == arg)
            ++count;
        else if (kind == QLatin1String("texts") && elementTypeName(e.type) == arg)
            values.append(e.text);
        else if (kind == QLatin1String("centered") && e.centered)
            values.append(e.text);
        else if (kind == QLatin1String("dual") && e.dual)
            values.append(e.text);
        else if (kind == QLatin1String("numbers") && e.type == ElementType::SceneHeading)
            values.append(e.sceneNumber);
        else if (kind == QLatin1String("depths") && e.type == ElementType::Section)
            values.append(QString::number(e.depth));
        else if (kind == QLatin1String("forced") && e.forced && elementTypeName(e.type) == arg)
            values.append(e.text);
    }
    if (kind == QLatin1String("count"))
        return QString::number(count);
    if (kind == QLatin1String("notes"))
        for (const ScriptNote &n : s.notes)
            values.append(n.text);
    if (kind == QLatin1String("title"))
        return s.titleValue(arg);
    if (kind == QLatin1String("all")) {
        QStringList all;
        for (const ScriptElement &e : s.elements)
            all.append(e.text);
        return all.join(u'|');
    }
    return values.join(u'|');
}

} // namespace shotcraft::test
