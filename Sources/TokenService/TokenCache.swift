import CloudCore
import Crypto
import Foundation

/// Why a cache file was not used. Each is noted on standard error and the file is replaced.
public enum CacheProblem: Sendable, Hashable {
    /// Not the JSON this program writes (truncated, edited, another version).
    case corrupt
    /// Written for another API key or IAM endpoint (its key hash does not match its name).
    case otherKey
    /// The token in it has expired.
    case expired
    /// It says it was fetched in the future (a clock set back, or an edited file), so it is not trusted.
    case fromTheFuture
    /// It could not be read; the `errno` value (permissions, a folder in its place, …).
    case unreadable(errno: Int32)
    /// Readable by others or owned by another user, so it is not trusted.
    case insecure
}

/// What the cache holds for one key, without asking IAM.
public enum CacheLookup: Sendable, Hashable {
    /// A token that may be served now (see ``CachedToken/isFresh(now:)``).
    case fresh(CachedToken)
    /// A token past 80 % of its lifetime (or within 60 s of expiry), still valid: fetch a new one.
    case refreshDue(CachedToken)
    /// A token that has expired (kept for `status`; `token` fetches a new one).
    case expired(CachedToken)
    /// No cache file for this key.
    case missing
    /// A file that must not be used.
    case unusable(CacheProblem)
}

/// Something the user should know about the cache; the token is printed all the same.
public enum CacheNote: Sendable, Hashable {
    /// The cache file was ignored for this reason and replaced.
    case ignored(CacheProblem)
    /// The cache file was ignored for this reason and could not be replaced (see the `notSaved` note).
    case unusableNotReplaced(CacheProblem)
    /// The new token could not be saved in the cache (`errno`); the next call fetches again.
    case notSaved(errno: Int32)
    /// Another caller held the cache lock longer than ``TokenCache/lockTimeout`` (seconds waited);
    /// fetched without it.
    case lockTimedOut(seconds: Int)
    /// IAM could not give a new token, so the cached one, still valid for this many seconds, was served.
    case servedWhileIAMFailed(secondsLeft: Int)
}

/// What ``TokenCache/token(apiKey:iam:force:fetch:)`` did.
public struct CacheOutcome: Sendable {
    /// The token to print.
    public var token: CachedToken
    /// True when IAM was asked (no usable cached token, or `force`); false when served from the cache.
    public var fetched: Bool
    /// What to tell the user on standard error.
    public var notes: [CacheNote]
}

/// A token cache shared by every process of one user: one file per API key and IAM endpoint in
/// ``directory`` (0700), named by a SHA-256 of both (never the key itself), mode 0600, written to a
/// temporary file and renamed into place so a reader never sees half a file. Callers that need a new
/// token take an exclusive `flock(2)` on `<hash>.lock` and look again before fetching, so ten
/// callers started together make one IAM call.
public struct TokenCache: Sendable {
    /// The cache folder, e.g. `~/.cache/token-wizard`.
    public let directory: String
    /// The clock; injectable so the 80 % rule can be tested.
    public let now: @Sendable () -> Date
    /// Longest wait for another caller's fetch, seconds.
    public var lockTimeout: TimeInterval = 90

    /// - Parameters:
    ///   - directory: the cache folder (created 0700 when missing).
    ///   - now: the current time (default: the system clock).
    public init(directory: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory; self.now = now
    }

    /// `$XDG_CACHE_HOME/token-wizard`, else `$HOME/.cache/token-wizard`; nil when neither is set.
    /// A relative `XDG_CACHE_HOME` is ignored, as the XDG Base Directory specification says.
    public static func defaultDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/token-wizard" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/token-wizard" }
        return nil
    }

    /// Hex SHA-256 of `iam`, a NUL byte and the key: the cache file's name and its `key_sha256`.
    public static func keyHash(apiKey: Secret, iam: String) -> String {
        let digest = SHA256.hash(data: Data("token-wizard-cache-v1\u{0}\(iam)\u{0}".utf8) + Data(apiKey.exposedValue.utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// The cache file for `keyHash`.
    public func path(keyHash: String) -> String { directory + "/" + keyHash + ".json" }

    private var nowSeconds: Int { Int(now().timeIntervalSince1970) }

    /// Reads the entry for `keyHash` without locking (the file is only ever replaced whole).
    public func lookup(keyHash: String) -> CacheLookup {
        let path = path(keyHash: keyHash)
        // O_NONBLOCK: a FIFO put in its place must not hang the caller (it is refused below).
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .unusable(.unreadable(errno: errno))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unusable(.unreadable(errno: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .unusable(.unreadable(errno: (info.st_mode & S_IFMT) == S_IFDIR ? EISDIR : EINVAL))
        }
        guard info.st_uid == geteuid(), info.st_mode & 0o077 == 0 else { return .unusable(.insecure) }
        guard info.st_size <= 64 * 1024 else { return .unusable(.corrupt) }
        var data = Data(count: Int(info.st_size))
        let count = data.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count == Int(info.st_size) else { return .unusable(.unreadable(errno: count < 0 ? errno : EIO)) }
        guard let file = try? JSONDecoder().decode(CachedTokenFile.self, from: data),
            file.version == CachedTokenFile.currentVersion, !file.accessToken.isEmpty, file.expiresIn > 0
        else { return .unusable(.corrupt) }
        guard file.keySHA256 == keyHash else { return .unusable(.otherKey) }
        // The token itself must be an IAM JWT whose own lifetime bounds the one recorded.
        guard let claims = try? JWTClaimsDecoder.decode(file.accessToken), claims.expiresAt > claims.issuedAt,
            file.expiresIn <= claims.expiresAt - claims.issuedAt + 60
        else { return .unusable(.corrupt) }
        let token = file.token
        let now = nowSeconds
        if now < token.fetchedAt - 300 { return .unusable(.fromTheFuture) }
        if token.isFresh(now: now) { return .fresh(token) }
        return now < token.expiresAt ? .refreshDue(token) : .expired(token)
    }

    /// A token for `apiKey` at `iam`: the cached one while fresh, else a new one from `fetch`, saved
    /// for the next caller. With `force`, always fetches.
    /// - Parameter serveStale: decides, for a failed fetch, whether a cached token that is past its
    ///   refresh time but still valid may be served instead (true for an unreachable or failing IAM,
    ///   false when IAM refused the key). Default: never.
    /// - Throws: whatever `fetch` throws (``CloudError`` from IAM); cache problems never throw, they
    ///   come back as ``CacheOutcome/notes``.
    public func token(apiKey: Secret, iam: String, force: Bool = false,
                      serveStale: @Sendable (any Error) -> Bool = { _ in false },
                      fetch: @Sendable () async throws -> IAMToken) async throws -> CacheOutcome {
        let hash = Self.keyHash(apiKey: apiKey, iam: iam)
        var notes: [CacheNote] = []
        if !force, case .fresh(let token) = lookup(keyHash: hash) {
            return CacheOutcome(token: token, fetched: false, notes: [])
        }
        let folderError = prepareDirectory()
        var lock: Int32 = -1
        if folderError == 0 {
            lock = open(directory + "/" + hash + ".lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if lock >= 0, !(try await acquire(lock)) { notes.append(.lockTimedOut(seconds: Int(lockTimeout))) }
        }
        defer { if lock >= 0 { close(lock) } }  // closing releases the flock
        // Look again under the lock: another caller may just have fetched.
        var stillValid: CachedToken?
        var ignored: CacheProblem?
        switch lookup(keyHash: hash) {
        case .fresh(let token) where !force: return CacheOutcome(token: token, fetched: false, notes: notes)
        case .fresh(let token), .refreshDue(let token): stillValid = token
        case .expired: ignored = .expired
        case .unusable(let problem): ignored = problem
        case .missing: break
        }
        let fresh: IAMToken
        do {
            fresh = try await fetch()
        } catch {
            let now = nowSeconds
            if let stillValid, stillValid.secondsLeft(now: now) > 0, serveStale(error) {
                return CacheOutcome(token: stillValid, fetched: false,
                    notes: notes + [.servedWhileIAMFailed(secondsLeft: stillValid.secondsLeft(now: now))])
            }
            throw error
        }
        let entry = CachedToken(keyHash: hash, iam: iam, fetchedAt: nowSeconds, token: fresh)
        let saveError = folderError != 0 ? folderError : save(entry)
        if let ignored { notes.append(saveError == 0 ? .ignored(ignored) : .unusableNotReplaced(ignored)) }
        if saveError != 0 { notes.append(.notSaved(errno: saveError)) }
        return CacheOutcome(token: entry, fetched: true, notes: notes)
    }

    /// Creates the folder (0700, parents too) or tightens an existing one of ours to 0700.
    /// Returns 0 or an `errno` value.
    func prepareDirectory() -> Int32 {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { return ENOTDIR }
            guard info.st_uid == geteuid() else { return EPERM }
            if info.st_mode & 0o077 != 0, chmod(directory, 0o700) != 0 { return errno }
            return 0
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            return 0
        } catch {
            return errno == 0 ? EACCES : errno
        }
    }

    /// Waits for the exclusive lock, polling every 5 ms (without holding a thread) up to
    /// ``lockTimeout``. False on time-out. Throws `CancellationError` when cancelled.
    private func acquire(_ fd: Int32) async throws -> Bool {
        let deadline = Date().addingTimeInterval(lockTimeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else { return false }
            try await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    /// Writes `entry` to a temporary file (0600), flushes it and renames it over the cache file.
    /// Returns 0 or an `errno` value.
    func save(_ entry: CachedToken) -> Int32 {
        guard let data = try? JSONEncoder().encode(CachedTokenFile(entry)) else { return EINVAL }
        let temporary = directory + "/.\(entry.keyHash).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return errno }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let failure: Int32 = written == data.count ? (fsync(fd) == 0 ? 0 : errno) : (written < 0 ? errno : EIO)
        close(fd)
        if failure == 0, rename(temporary, path(keyHash: entry.keyHash)) == 0 { return 0 }
        let renameError = failure == 0 ? errno : failure
        unlink(temporary)
        return renameError
    }
}
