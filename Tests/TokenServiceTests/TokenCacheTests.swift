import CloudCore
import Foundation
import Synchronization
import Testing
@testable import TokenService

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let seconds = Mutex<Int>(1_800_000_000)
    var now: Int { seconds.withLock { $0 } }
    func advance(_ delta: Int) { seconds.withLock { $0 += delta } }
    var date: @Sendable () -> Date { { [self] in Date(timeIntervalSince1970: TimeInterval(self.now)) } }
}

/// Counts fetches and hands out tokens numbered by fetch.
final class FakeIAM: Sendable {
    let calls = Mutex(0)
    let lifetime: Int
    let clock: TestClock
    let delay: Duration
    init(clock: TestClock, lifetime: Int = 3600, delay: Duration = .zero) {
        self.clock = clock; self.lifetime = lifetime; self.delay = delay
    }
    var count: Int { calls.withLock { $0 } }
    func fetch() async throws -> IAMToken {
        let n = calls.withLock { $0 += 1; return $0 }
        if delay > .zero { try await Task.sleep(for: delay) }
        return Self.token(number: n, issuedAt: clock.now, lifetime: lifetime)
    }
    /// A JWT-shaped token whose payload names fetch `number`.
    static func token(number: Int, issuedAt: Int, lifetime: Int) -> IAMToken {
        let payload = #"{"iam_id":"iam-ServiceId-test","sub":"ServiceId-test","sub_type":"ServiceId","account":{"bss":"acct1"},"iat":\#(issuedAt),"exp":\#(issuedAt + lifetime),"n":\#(number)}"#
        let encoded = Data(payload.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let jwt = "eyJhbGciOiJSUzI1NiJ9.\(encoded).sig\(number)"
        let claims = try! JWTClaimsDecoder.decode(jwt)
        return IAMToken(accessToken: Secret(jwt), refreshToken: Secret("refresh-secret-\(number)"), tokenType: "Bearer",
            expiresIn: lifetime, expiration: issuedAt + lifetime, claims: claims, rawResponse: Secret("{}"))
    }
}

func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "tw-cache-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func mode(_ path: String) -> Int {
    var info = stat()
    stat(path, &info)
    return Int(info.st_mode & 0o777)
}

@Suite struct TokenCacheTests {
    let key = Secret("test-apikey-0123456789")
    let iam = "http://127.0.0.1:9999"

    @Test func aFreshTokenIsServedWithoutFetchingUntil80PercentOfItsLifetime() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder() + "/token-wizard", now: clock.date)
        let first = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(first.fetched && iamServer.count == 1 && first.notes.isEmpty)
        clock.advance(2879)  // 80 % of 3600 is 2880
        let second = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(!second.fetched && iamServer.count == 1)
        #expect(second.token.accessToken == first.token.accessToken)
        clock.advance(1)
        let third = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(third.fetched && iamServer.count == 2)
        #expect(third.token.accessToken != first.token.accessToken)
        #expect(third.notes.isEmpty, "a token past 80 % is refreshed without a note")
    }

    @Test func aShortLivedTokenIsRefreshedWhenFewerThan60SecondsRemain() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock, lifetime: 200)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        _ = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        clock.advance(139)  // 80 % would be 160; 60 s before expiry is 140
        #expect(try await !cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch).fetched)
        clock.advance(1)
        #expect(try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch).fetched)
    }

    @Test func forceFetchesAnyway() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        _ = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        let forced = try await cache.token(apiKey: key, iam: iam, force: true, fetch: iamServer.fetch)
        #expect(forced.fetched && iamServer.count == 2)
        #expect(try await !cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch).fetched, "the forced token is cached")
    }

    @Test func theCacheIsPrivateAndHoldsNeitherTheKeyNorTheRefreshToken() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let folder = temporaryFolder() + "/xdg/token-wizard"
        let cache = TokenCache(directory: folder, now: clock.date)
        let outcome = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(mode(folder) == 0o700)
        let file = cache.path(keyHash: TokenCache.keyHash(apiKey: key, iam: iam))
        #expect(mode(file) == 0o600)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains(key.exposedValue))
        #expect(!text.contains("refresh-secret"))
        #expect(text.contains(outcome.token.accessToken.exposedValue))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.allSatisfy { !$0.contains(key.exposedValue) })
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "no temporary file is left behind")
    }

    @Test func anotherKeyOrEndpointHasItsOwnEntry() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        _ = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(try await cache.token(apiKey: Secret("another-key"), iam: iam, fetch: iamServer.fetch).fetched)
        #expect(try await cache.token(apiKey: key, iam: "https://iam.cloud.ibm.com", fetch: iamServer.fetch).fetched)
        #expect(iamServer.count == 3)
    }

    @Test(arguments: ["{not json", "", #"{"version":1}"#, String(repeating: "x", count: 70_000)])
    func aCorruptCacheIsIgnoredAndReplacedWithANote(content: String) async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        let file = cache.path(keyHash: TokenCache.keyHash(apiKey: key, iam: iam))
        FileManager.default.createFile(atPath: file, contents: Data(content.utf8), attributes: [.posixPermissions: 0o600])
        let outcome = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(outcome.fetched && outcome.notes == [.ignored(.corrupt)])
        #expect(try await !cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch).fetched, "replaced by a good entry")
    }

    @Test func aFileFromAnotherKeyIsIgnored() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        let other = Secret("other-key")
        _ = try await cache.token(apiKey: other, iam: iam, fetch: iamServer.fetch)
        let mine = cache.path(keyHash: TokenCache.keyHash(apiKey: key, iam: iam))
        try FileManager.default.copyItem(atPath: cache.path(keyHash: TokenCache.keyHash(apiKey: other, iam: iam)), toPath: mine)
        chmod(mine, 0o600)
        let outcome = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(outcome.fetched && outcome.notes == [.ignored(.otherKey)])
    }

    @Test func anExpiredTokenIsReplacedWithANote() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        _ = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        clock.advance(3600)
        let outcome = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(outcome.fetched && outcome.notes == [.ignored(.expired)])
    }

    @Test func aClockSetBackDoesNotServeATokenFromTheFuture() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        _ = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        clock.advance(-3600)
        #expect(try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch).fetched)
    }

    @Test func aCacheReadableByOthersIsNotTrusted() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        _ = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        let file = cache.path(keyHash: TokenCache.keyHash(apiKey: key, iam: iam))
        chmod(file, 0o644)
        let outcome = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(outcome.fetched && outcome.notes == [.ignored(.insecure)])
        #expect(mode(file) == 0o600)
    }

    @Test func anUnreadableCacheStillGivesATokenWithNotes() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        let file = cache.path(keyHash: TokenCache.keyHash(apiKey: key, iam: iam))
        try FileManager.default.createDirectory(atPath: file + "/blocker", withIntermediateDirectories: true)
        let outcome = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(outcome.fetched)
        #expect(outcome.notes.contains(.unusableNotReplaced(.unreadable(errno: EISDIR))), "it says it could not replace it")
        #expect(outcome.notes.contains { if case .notSaved = $0 { true } else { false } })
    }

    @Test func aFolderThatCannotBeMadeStillGivesAToken() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let parent = temporaryFolder()
        FileManager.default.createFile(atPath: parent + "/file", contents: Data())
        let cache = TokenCache(directory: parent + "/file/token-wizard", now: clock.date)
        let outcome = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(outcome.fetched && outcome.notes.count == 1)
    }

    @Test func aWideFolderIsTightenedTo0700() async throws {
        let folder = temporaryFolder()
        chmod(folder, 0o755)
        let clock = TestClock()
        _ = try await TokenCache(directory: folder, now: clock.date).token(apiKey: key, iam: iam, fetch: FakeIAM(clock: clock).fetch)
        #expect(mode(folder) == 0o700)
    }

    @Test func tenConcurrentCallersShareOneFetch() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock, delay: .milliseconds(200))
        let folder = temporaryFolder()
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await TokenCache(directory: folder, now: clock.date).token(apiKey: key, iam: iam, fetch: iamServer.fetch)
                        .token.accessToken.exposedValue
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(iamServer.count == 1)
        #expect(Set(tokens).count == 1)
    }

    @Test func aFailedFetchThrowsAndCachesNothing() async throws {
        struct Refused: Error {}
        let cache = TokenCache(directory: temporaryFolder(), now: TestClock().date)
        await #expect(throws: Refused.self) {
            _ = try await cache.token(apiKey: key, iam: iam) { throw Refused() }
        }
        #expect(cache.lookup(keyHash: TokenCache.keyHash(apiKey: key, iam: iam)) == .missing)
    }

    @Test func aDamagedTokenInsideAWellFormedFileIsNotServed() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        _ = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        let file = cache.path(keyHash: TokenCache.keyHash(apiKey: key, iam: iam))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        object["access_token"] = "garbage"
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: file))
        let outcome = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(outcome.fetched && outcome.notes == [.ignored(.corrupt)])
        // A lifetime longer than the token's own is not believed either.
        object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        object["expires_in"] = 10_000_000
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: file))
        #expect(try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch).notes == [.ignored(.corrupt)])
    }

    @Test func aFIFOInPlaceOfTheCacheDoesNotHang() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        #expect(mkfifo(cache.path(keyHash: TokenCache.keyHash(apiKey: key, iam: iam)), 0o600) == 0)
        let outcome = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        #expect(outcome.fetched && outcome.notes == [.ignored(.unreadable(errno: EINVAL))])
    }

    @Test func aStillValidTokenIsServedWhenIAMFails() async throws {
        struct Down: Error {}
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        let first = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        clock.advance(3000)  // past 80 %, 600 s left
        let served = try await cache.token(apiKey: key, iam: iam, serveStale: { $0 is Down }) { throw Down() }
        #expect(!served.fetched && served.token.accessToken == first.token.accessToken)
        #expect(served.notes == [.servedWhileIAMFailed(secondsLeft: 600)])
        // A refusal is not papered over.
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            _ = try await cache.token(apiKey: key, iam: iam, serveStale: { $0 is Down }) { throw Refused() }
        }
        clock.advance(600)  // expired: nothing to serve
        await #expect(throws: Down.self) {
            _ = try await cache.token(apiKey: key, iam: iam, serveStale: { $0 is Down }) { throw Down() }
        }
    }

    @Test func anEntryFromTheFutureIsNamedSo() async throws {
        let clock = TestClock(), iamServer = FakeIAM(clock: clock)
        let cache = TokenCache(directory: temporaryFolder(), now: clock.date)
        _ = try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch)
        clock.advance(-1000)
        #expect(try await cache.token(apiKey: key, iam: iam, fetch: iamServer.fetch).notes == [.ignored(.fromTheFuture)])
    }

    @Test func theDefaultFolderFollowsXDG() {
        #expect(TokenCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]) == "/x/cache/token-wizard")
        #expect(TokenCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.cache/token-wizard")
        #expect(TokenCache.defaultDirectory(environment: [:]) == nil)
    }
}
