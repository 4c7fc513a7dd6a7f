import Foundation
import WizardCore

/// Keeps the resume checkpoint in `<folder>/.token-wizard-progress.json` (mode 0600, written
/// through `SecretFileWriter`; it holds IDs and names only, never a secret).
public struct CheckpointStore: Sendable {
    /// The file's name in the folder where the key and token are saved.
    public static let fileName = ".token-wizard-progress.json"
    public let path: String
    /// The IAM base URL of this run: a checkpoint from other endpoints is not offered.
    public let iam: String

    public init(folder: String, iam: String) {
        path = (folder.hasSuffix("/") ? folder : folder + "/") + Self.fileName
        self.iam = iam
    }

    /// The checkpoint left by an earlier run against the same endpoints, if any and readable.
    public func load() -> Checkpoint? {
        guard let data = FileManager.default.contents(atPath: path),
              let checkpoint = try? JSONDecoder().decode(Checkpoint.self, from: data),
              checkpoint.version == 1, checkpoint.iam == iam else { return nil }
        return checkpoint
    }

    /// Writes the checkpoint for `state` (replacing the last one), or removes the file once the
    /// token is saved. Failures are ignored: the checkpoint is a convenience, never a reason to stop.
    public func update(from state: WizardState, last: inout Checkpoint?) {
        if state.tokenSavedPath != nil && !state.usingOwnToken || state.step == .done {
            if last != nil || FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
            last = nil
            return
        }
        guard let checkpoint = Checkpoint(state, iam: iam), checkpoint != last else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(checkpoint) else { return }
        if (try? SecretFileWriter().write(data, to: path, overwrite: true)) != nil { last = checkpoint }
    }
}
