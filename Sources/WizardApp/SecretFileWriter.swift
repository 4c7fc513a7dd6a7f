import CloudCore
import Foundation

/// Writes secrets to disk the careful way: folder 0700 when created, file 0600 from its first byte,
/// written to a temporary file, flushed (`fsync`), moved into place, then read back and compared.
public struct SecretFileWriter: Sendable {
    /// Why a write failed, in words for the user.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init() {}

    /// Writes `contents` to `path` (made absolute against the working directory).
    /// - Parameter overwrite: false refuses an existing file (an API key file must never be replaced).
    /// - Returns: the absolute path written.
    /// - Throws: ``WriteError`` (exists, permission denied, disk full, read-back mismatch).
    public func write(_ contents: Data, to path: String, overwrite: Bool) throws -> String {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let target = url.standardizedFileURL.path
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw WriteError(description: "cannot create the folder \(directory) (\(Self.reason(errno)))")
            }
        } else if !isDirectory.boolValue {
            throw WriteError(description: "\(directory) is not a folder")
        }
        if !overwrite, FileManager.default.fileExists(atPath: target) {
            throw WriteError(description: "a file is already there; choose another name (it is not overwritten)")
        }
        let temporary = directory + "/.token-wizard-\(UUID().uuidString).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WriteError(description: Self.reason(errno)) }
        var ok = false
        defer { if !ok { unlink(temporary) } }
        let written = contents.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return -1 }
                offset += n
            }
            return offset
        }
        let writeErrno = errno
        let synced = fsync(fd) == 0
        close(fd)
        guard written == contents.count else { throw WriteError(description: Self.reason(writeErrno)) }
        guard synced else { throw WriteError(description: "could not flush to disk (\(Self.reason(errno)))") }
        if overwrite {
            guard rename(temporary, target) == 0 else { throw WriteError(description: Self.reason(errno)) }
        } else {
            // link() fails if the target appeared meanwhile: never clobber.
            guard link(temporary, target) == 0 else {
                throw WriteError(description: errno == EEXIST ? "a file is already there; choose another name" : Self.reason(errno))
            }
            unlink(temporary)
        }
        ok = true
        let dirFD = open(directory, O_RDONLY | O_CLOEXEC)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
        guard let back = FileManager.default.contents(atPath: target), back == contents else {
            throw WriteError(description: "the file reads back differently from what was written")
        }
        return target
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case EROFS: "the file system is read-only"
        case ENOSPC: "the disk is full"
        case EEXIST: "a file is already there"
        case ENOENT: "no such folder"
        default: String(cString: strerror(code))
        }
    }

    /// The API key file in the shape `ibmcloud iam service-api-key-create --file` writes
    /// (`name`, `description`, `apikey`, `createdAt`, `locked`, `uuid`), plus `id`, `iam_id`,
    /// `account_id` and `crn`. Readers only rely on `apikey`. Tab-free, pretty-printed JSON.
    public static func apiKeyFileContents(_ key: ServiceAPIKey) -> Data {
        let object: [String: Any] = [
            "name": key.name, "description": key.description, "apikey": key.apiKey.exposedValue,
            "createdAt": key.createdAt, "locked": key.locked, "uuid": key.id,
            "id": key.id, "iam_id": key.iamID, "account_id": key.accountID, "crn": key.crn,
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
