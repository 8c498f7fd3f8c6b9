#pragma once
// A `ferkd serve` child on loopback, for the tests of the server and of its clients.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace ferkd::test {

class ServeProcess {
public:
    // Serves `workspace` with the options in `extra`, listening at `listen` (port 0: a
    // free one); url() is empty when it did not start within 30 s (output() says why).
    ServeProcess(const QString& workspace, const QStringList& extra, const QString& listen = "127.0.0.1:0");
    ~ServeProcess();  // SIGTERM
    void stop(int signal);
    const QString& url() const { return url_; }
    QString output();

private:
    QProcess process_;
    QString url_, out_;
};

// A loopback port that was free a moment ago: for a server restarted at the same address.
int freeLoopbackPort();

}  // namespace ferkd::test
