#include "window/language_manager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ferkd::ui {

LanguageManager::LanguageManager(QObject* parent)
    : QObject(parent), qt_(new QTranslator(this)), app_(new QTranslator(this)) {}

bool LanguageManager::install(const QLocale& locale) {
    QCoreApplication::removeTranslator(qt_);
    QCoreApplication::removeTranslator(app_);
    if (qt_->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt_);
    // qt_add_translations embeds the .qm files under :/i18n.
    bool ok = app_->load(locale, "ferkd-studio", "_", ":/i18n");
    if (ok) QCoreApplication::installTranslator(app_);
    return ok;
}

}  // namespace ferkd::ui
