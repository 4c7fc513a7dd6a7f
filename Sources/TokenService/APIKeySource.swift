import CloudCore
import Foundation

/// Where `token-wizard token` took the API key from. The key itself is never a command-line
/// argument (it would show in `ps` and shell history) and is never echoed.
public enum APIKeySource: Sendable, Hashable {
    /// `--apikey-file FILE`: the JSON that `ibmcloud iam service-api-key-create --file` and the
    /// wizard write (`apikey` field), or a file holding the bare key on one line.
    case file(String)
    /// The `IBMCLOUD_API_KEY` environment variable, as the `ibmcloud` CLI and Terraform read it.
    case environment
    /// One line on standard input (only when it is not a terminal).
    case standardInput
}

/// Why no usable API key was found; the front end says it in words and exits with the bad-input code.
public enum APIKeyInputError: Error, Sendable, Hashable {
    /// No `--apikey-file`, no `IBMCLOUD_API_KEY`, and standard input is a terminal.
    case noSource
    /// The file does not exist.
    case fileMissing(path: String)
    /// The file exists but cannot be read (permissions, a folder, …); `errno` value.
    case fileUnreadable(path: String, errno: Int32)
    /// The file is larger than ``APIKeyReader/maxBytes``.
    case fileTooLarge(path: String)
    /// The file is JSON without an `apikey` field, or text that is not one key on one line.
    case fileNotAKey(path: String)
    /// Text from the environment or standard input that cannot be an API key (spaces or control
    /// characters inside, or longer than ``APIKeyReader/maxKeyLength``).
    case notAKey(APIKeySource)
    /// `--apikey-file` was given an empty path.
    case emptyPath
    /// The source was there but empty (an empty variable, file or line).
    case empty(APIKeySource)
}

/// Finds the API key for `token-wizard token` in the documented order: `--apikey-file`, else
/// `IBMCLOUD_API_KEY`, else one line on standard input when it is not a terminal.
public enum APIKeyReader {
    /// Largest key file read, in bytes (64 KiB); key files are a few hundred bytes.
    public static let maxBytes = 64 * 1024
    /// Longest text taken as a key, in characters (the wizard's own limit, ``APIKeyText/maxLength``).
    public static let maxKeyLength = APIKeyText.maxLength

    /// Resolves the key.
    /// - Parameters:
    ///   - file: the `--apikey-file` path, if given (`~` is expanded).
    ///   - environment: the process environment (only `IBMCLOUD_API_KEY` is read).
    ///   - standardInputIsTerminal: true when fd 0 is a terminal; then it is never read.
    ///   - readLine: reads one line of standard input (without its newline), nil at end of input.
    /// - Returns: the key, trimmed of surrounding white space, and where it came from.
    /// - Throws: ``APIKeyInputError``.
    public static func resolve(
        file: String?, environment: [String: String], standardInputIsTerminal: Bool,
        readLine: () -> String? = { Swift.readLine(strippingNewline: true) }
    ) throws(APIKeyInputError) -> (key: Secret, source: APIKeySource) {
        if let file { return (try read(file: file), .file(file)) }
        // An empty IBMCLOUD_API_KEY (CI systems often define variables empty) counts as unset.
        if let value = environment["IBMCLOUD_API_KEY"], !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            guard let key = bareKey(value) else { throw .notAKey(.environment) }
            return (Secret(key), .environment)
        }
        guard !standardInputIsTerminal else { throw .noSource }
        let line = withoutBOM(readLine() ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty else { throw .empty(.standardInput) }
        if line.hasPrefix("{"), let key = jsonKey(Data(line.utf8)) { return (Secret(key), .standardInput) }
        guard let key = bareKey(line) else { throw .notAKey(.standardInput) }
        return (Secret(key), .standardInput)
    }

    /// `text` trimmed and without invisible characters (``APIKeyText/clean(_:)``, so a key pasted
    /// with a zero-width space shares the cache of the clean key), when it can be an API key: one
    /// word of printable characters, not JSON, at most ``maxKeyLength`` characters.
    static func bareKey(_ text: String) -> String? {
        let trimmed = withoutBOM(text).trimmingCharacters(in: .whitespacesAndNewlines)
        // Control characters mean binary junk, not a key: refused, not cleaned.
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return nil }
        let key = APIKeyText.clean(trimmed).key.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty, key.count <= maxKeyLength, !"{[\"".contains(key.first!) else { return nil }
        return key.unicodeScalars.contains(where: \.properties.isWhitespace) ? nil : key
    }

    /// The `apikey` (or `Apikey`, `apiKey`) field of a JSON object; "" when it is there but empty.
    static func jsonKey(_ data: Data) -> String? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        for field in ["apikey", "Apikey", "apiKey"] {
            if let value = object[field] as? String { return value.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        return nil
    }

    static func withoutBOM(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// Reads a key file: JSON with an `apikey` (or `Apikey`, `apiKey`) field, or the bare key as the
    /// only non-empty line. Throws ``APIKeyInputError``.
    public static func read(file path: String) throws(APIKeyInputError) -> Secret {
        guard !path.isEmpty else { throw .emptyPath }
        let expanded = (path as NSString).expandingTildeInPath
        let fd = open(expanded, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw errno == ENOENT ? .fileMissing(path: path) : .fileUnreadable(path: path, errno: errno)
        }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while data.count <= maxBytes {
            let n = Foundation.read(fd, &buffer, buffer.count)
            if n < 0 { throw .fileUnreadable(path: path, errno: errno) }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        guard data.count <= maxBytes else { throw .fileTooLarge(path: path) }
        let text = withoutBOM(String(decoding: data, as: UTF8.self)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .empty(.file(path)) }
        if text.hasPrefix("{") {
            guard let key = jsonKey(Data(text.utf8)) else { throw .fileNotAKey(path: path) }
            guard !key.isEmpty else { throw .empty(.file(path)) }
            return Secret(key)
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count == 1, let key = bareKey(lines[0]) else { throw .fileNotAKey(path: path) }
        return Secret(key)
    }
}
