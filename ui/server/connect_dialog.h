#pragma once
// File > Connect to server: a `ferkd serve`'s URL and its token. The URL is remembered in
// the settings, the token in a file of its own that only the user can read (as ssh keeps
// keys): <config>/servers/<host>-<port>.token. The next connection to that server asks
// for nothing but OK.
#include <QDialog>

class QLabel;
class QLineEdit;

namespace ferkd::ui {

class ConnectDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget* parent = nullptr);

    QString url() const;
    QString tokenFile() const { return tokenFile_; }  // set once accepted
    // Where the token of the server at `url` is kept.
    static QString tokenFileFor(const QString& url);

    QLineEdit* urlField() const { return url_; }
    QLineEdit* tokenField() const { return token_; }
    QString error() const;

    void accept() override;  // stays open, saying why, when the URL or the token will not do

private:
    void showSavedToken();

    QLineEdit* url_ = nullptr;
    QLineEdit* token_ = nullptr;
    QLabel* saved_ = nullptr;
    QLabel* error_ = nullptr;
    QString tokenFile_;
};

}  // namespace ferkd::ui
