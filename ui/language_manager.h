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

private:
    QTranslator* qt_ = nullptr;
    QTranslator* app_ = nullptr;
};

}  // namespace ferkd::ui
