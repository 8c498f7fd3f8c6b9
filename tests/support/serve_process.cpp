#include "serve_process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QRegularExpression>

namespace ferkd::test {

ServeProcess::ServeProcess(const QString& workspace, const QStringList& extra, const QString& listen) {
    process_.setProcessChannelMode(QProcess::SeparateChannels);
    process_.start(QString(FERKD_BIN_DIR) + "/ferkd", QStringList{"--workspace", workspace, "serve", "--listen", listen} + extra);
    QElapsedTimer clock;
    clock.start();
    static const QRegularExpression at("at (http://127\\.0\\.0\\.1:[0-9]+)");
    while (url_.isEmpty() && clock.elapsed() < 30000 && process_.state() != QProcess::NotRunning) {
        process_.waitForReadyRead(200);
        out_ += process_.readAllStandardOutput();
        const auto match = at.match(out_);
        if (match.hasMatch()) url_ = match.captured(1);
    }
}

ServeProcess::~ServeProcess() { stop(SIGTERM); }

void ServeProcess::stop(int signal) {
    if (process_.state() == QProcess::NotRunning) return;
    ::kill(static_cast<pid_t>(process_.processId()), signal);
    process_.waitForFinished(10000);
}

QString ServeProcess::output() { return out_ + process_.readAllStandardOutput() + process_.readAllStandardError(); }

int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

}  // namespace ferkd::test
