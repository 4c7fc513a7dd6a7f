import Foundation
import TestSupport
import Testing

/// The bounded child process every end-to-end test stands on: a wait or read that passes its
/// deadline fails and kills the child instead of hanging the run.
@Suite("ChildProcess waits are bounded")
struct ChildProcessTests {
    @Test func exitStatusAndOutputAreReported() throws {
        let (status, output) = try ChildProcess.run("/bin/sh", ["-c", "echo hello; exit 3"])
        #expect(status == 3)
        #expect(output == "hello\n")
    }

    @Test func aChildThatOutlivesItsDeadlineIsKilled() throws {
        let child = try ChildProcess("/bin/sleep", ["30"], stdout: .null)
        #expect(throws: ChildProcess.Failure.self) { try child.wait(timeout: 0.3) }
        #expect(child.exitStatus == 128 + SIGKILL)
    }

    @Test func aReadThatNeverEndsTimesOut() throws {
        let child = try ChildProcess("/bin/sleep", ["30"], stdout: .pipe)
        defer { child.stop(grace: 1) }
        #expect(throws: ChildProcess.Failure.self) {
            _ = try child.readToEnd(child.standardOutput!, until: Date().addingTimeInterval(0.3))
        }
    }

    @Test func signalsReachTheChildEvenIfTheParentBlocksThem() throws {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let child = try ChildProcess("/bin/sleep", ["30"], stdout: .null)
        child.signal(SIGTERM)
        #expect(try child.wait(timeout: 10) == 128 + SIGTERM)
    }
}
