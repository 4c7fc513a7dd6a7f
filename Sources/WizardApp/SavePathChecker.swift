import Foundation
import WizardCore

/// Checks the key and token paths before the API key is created, so a bad path is found while
/// nothing exists yet. The key file must not exist; the token file may only replace an earlier
/// token file (JSON with `access_token`); both folders must exist and be writable, or be creatable.
public enum SavePathChecker {
    public static func check(keyPath: String, tokenPath: String) -> PathProblem? {
        let key = absolute(keyPath), token = absolute(tokenPath)
        if key == token { return PathProblem(field: 3, path: token, reason: .sameFile) }
        if let problem = folderProblem(for: key) { return PathProblem(field: 2, path: key, reason: problem) }
        // A symbolic link whose target is missing is invisible to `fileExists` (it follows links),
        // yet the key file's `link()` would fail on it after the key exists: refuse it now.
        if let target = danglingLinkTarget(key) {
            return PathProblem(field: 2, path: key, reason: .danglingLink(target: target), suggestion: freePath(near: key))
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: key, isDirectory: &isDirectory) {
            return PathProblem(field: 2, path: key, reason: isDirectory.boolValue ? .isFolder : .exists, suggestion: freePath(near: key))
        }
        if let problem = folderProblem(for: token) { return PathProblem(field: 3, path: token, reason: problem) }
        if let target = danglingLinkTarget(token) {
            return PathProblem(field: 3, path: token, reason: .danglingLink(target: target), suggestion: freePath(near: token))
        }
        if FileManager.default.fileExists(atPath: token, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                return PathProblem(field: 3, path: token, reason: .isFolder, suggestion: freePath(near: token + "/token.json"))
            }
            if !isEarlierTokenFile(token) {
                return PathProblem(field: 3, path: token, reason: .notAnEarlierTokenFile, suggestion: freePath(near: token))
            }
        }
        return nil
    }

    /// True when the file at `path` is JSON with an `access_token` (a token file this tool may replace).
    public static func isEarlierTokenFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 256 * 1024),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["access_token"] is String && object["apikey"] == nil
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL.path
    }

    /// Nil when the folder of `path` exists and is writable, or its nearest existing ancestor is.
    static func folderProblem(for path: String) -> PathReason? {
        var folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder { break }
            folder = parent
        }
        guard isDirectory.boolValue else { return .folderIsAFile(folder: folder) }
        guard access(folder, W_OK) == 0 else { return .folderNotWritable(folder: folder) }
        return nil
    }

    /// `name-2.json`, `name-3.json`, … : the first where nothing is, not even a dangling link.
    static func freePath(near path: String) -> String? {
        let ext = (path as NSString).pathExtension
        let base = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        for n in 2...99 {
            let candidate = ext.isEmpty ? "\(base)-\(n)" : "\(base)-\(n).\(ext)"
            if !anythingAt(candidate) { return candidate }
        }
        return nil
    }

    /// True when `path` names anything, including a symbolic link whose target is missing.
    static func anythingAt(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The target of the symbolic link at `path` when that target does not exist; nil otherwise.
    static func danglingLinkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, Int(info.st_mode) & Int(S_IFMT) == Int(S_IFLNK),
              !FileManager.default.fileExists(atPath: path) else { return nil }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "a missing file"
    }
}
