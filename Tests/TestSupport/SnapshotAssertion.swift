import Foundation
import Testing

/// Compares `text` with the recorded snapshot `name`.txt. With RECORD_SNAPSHOTS=1
/// the snapshot is (re)written and the test fails so the recording is never mistaken for a pass.
/// Snapshots live in `__Snapshots__` beside the calling test file (`filePath`).
public func assertSnapshot(_ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? (text + "\n").write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded snapshot \(name); run again without RECORD_SNAPSHOTS to check it.", sourceLocation: sourceLocation)
        return
    }
    guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("No snapshot \(name).txt; record it with RECORD_SNAPSHOTS=1.", sourceLocation: sourceLocation)
        return
    }
    let expected = recorded.hasSuffix("\n") ? String(recorded.dropLast()) : recorded
    if expected != text {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(a.count, b.count) {
            let l = i < a.count ? String(a[i]) : "<none>", r = i < b.count ? String(b[i]) : "<none>"
            if l != r { diff.append("line \(i + 1):\n  - \(l)\n  + \(r)") }
        }
        Issue.record("Snapshot \(name) differs:\n\(diff.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}
