#include "server/connect_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

#include "remote/access_token.h"

namespace ferkd::ui {

ConnectDialog::ConnectDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Connect to server"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A workspace served by <tt>ferkd serve</tt> on another machine, usually through an "
                                "SSH tunnel (<tt>ssh -L 8765:127.0.0.1:8765 gpu-server</tt>): see docs/REMOTE.md."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    url_ = new QLineEdit(QSettings().value("server/url", "http://127.0.0.1:8765").toString());
    url_->setObjectName("serverUrl");
    form->addRow(tr("Server URL:"), url_);
    token_ = new QLineEdit;
    token_->setObjectName("serverToken");
    token_->setEchoMode(QLineEdit::Password);
    token_->setPlaceholderText(tr("the 64 hex digits of the server's <workspace>/server/token"));
    form->addRow(tr("Token:"), token_);
    saved_ = new QLabel;
    saved_->setWordWrap(true);
    form->addRow(QString(), saved_);
    layout->addLayout(form);
    error_ = new QLabel;
    error_->setObjectName("connectError");
    error_->setWordWrap(true);
    error_->setStyleSheet("color: #b00020;");
    layout->addWidget(error_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(url_, &QLineEdit::textChanged, this, &ConnectDialog::showSavedToken);
    showSavedToken();
    resize(560, sizeHint().height());
}

QString ConnectDialog::url() const { return url_->text().trimmed(); }

QString ConnectDialog::error() const { return error_->text(); }

QString ConnectDialog::tokenFileFor(const QString& url) {
    const QUrl parsed(url);
    QString name = parsed.host() + "-" + QString::number(parsed.port(parsed.scheme() == "https" ? 443 : 80));
    name.replace(QRegularExpression("[^A-Za-z0-9._-]"), "_");  // a file name, whatever the host holds
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + "/servers/" + name + ".token";
}

void ConnectDialog::showSavedToken() {
    const bool saved = QFileInfo::exists(tokenFileFor(url()));
    saved_->setText(saved ? tr("A token for this server is saved; leave the field empty to use it.") : QString());
}

void ConnectDialog::accept() {
    const QUrl parsed(url());
    if (!parsed.isValid() || (parsed.scheme() != "http" && parsed.scheme() != "https") || parsed.host().isEmpty()) {
        error_->setText(tr("Server URL: expected http://host:port or https://host:port, got '%1'").arg(url()));
        return;
    }
    const QString file = tokenFileFor(url());
    try {
        if (!token_->text().trimmed().isEmpty()) saveAccessToken(file.toStdString(), token_->text().trimmed().toStdString());
        else if (!QFileInfo::exists(file)) throw std::runtime_error(tr("Token: paste the server's token (none is saved for this server)").toStdString());
        else readAccessToken(file.toStdString());  // refuses a file others can read
    } catch (const std::exception& e) {
        error_->setText(QString::fromUtf8(e.what()));
        return;
    }
    tokenFile_ = file;
    QSettings().setValue("server/url", url());
    QDialog::accept();
}

}  // namespace ferkd::ui
