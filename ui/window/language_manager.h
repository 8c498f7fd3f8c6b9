#pragma once
// Installs Qt's own and the studio's translators for the system locale (or a chosen one).
#include <QLocale>
#include <QObject>

class QTranslator;

namespace ferkd::ui {

class LanguageManager : public QObject {
public:
    explicit LanguageManager(QObject* parent = nullptr);
    // Returns true when the studio has a translation for `locale`.
    bool install(const QLocale& locale);
    // The locale of a settings value: empty is the system's, else a name like "zh_CN".
    static QLocale localeOf(const QString& language) { return language.isEmpty() ? QLocale() : QLocale(language); }

private:
    QTranslator* qt_ = nullptr;
    QTranslator* app_ = nullptr;
};

}  // namespace ferkd::ui
