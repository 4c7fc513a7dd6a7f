import ArgumentParser
import CloudCore
import Foundation
import TokenService
import WizardApp

/// `token-wizard status`: whose token a token file (or the cache) holds and how long it lasts.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the identity, account and expiry of a saved or cached access token.",
        discussion: """
            Reads a token file (--token-file, default token.json in --directory or the current \
            folder), or with --cached the token cache entry for an API key (found as `token` finds \
            it). Makes no network call.

            Examples:
              token-wizard status --directory ~/kp
              token-wizard status --token-file token.json --json
              token-wizard status --cached --apikey-file kp-apikey.json

            Exit status: 0 the token is valid; 1 it has expired or there is none; 2 the file is not \
            a token, or bad input; 64 a bad command line.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("token-file"), help: ArgumentHelp("The token file (IAM's response, as the wizard saves it).", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var tokenFile: String?

    @Option(help: ArgumentHelp("Folder holding token.json (default: current folder).", valueName: "dir"), completion: .directory)
    var directory: String?

    @Flag(help: "Report the cached token for the API key instead of a token file.")
    var cached = false

    @Option(name: .customLong("apikey-file"), help: ArgumentHelp("With --cached: the API key file.", valueName: "file"), completion: .file())
    var apiKeyFile: String?

    @Flag(help: "Print one JSON object for scripts.")
    var json = false

    func validate() throws {
        if cached && tokenFile != nil { throw ValidationError("--cached and --token-file exclude each other.") }
        if !cached && apiKeyFile != nil { throw ValidationError("--apikey-file is used with --cached.") }
        if tokenFile != nil && directory != nil { throw ValidationError("--token-file and --directory exclude each other.") }
    }

    func run() throws {
        let now = Int(Date().timeIntervalSince1970)
        let origin: TokenReport.Origin
        let accessToken: Secret
        if cached {
            let environment = ProcessInfo.processInfo.environment
            let key: Secret
            let scope: String
            do {
                key = try APIKeyReader.resolve(file: apiKeyFile, environment: environment, standardInputIsTerminal: isatty(0) == 1).key
                scope = try connection.cacheScope()
            } catch let error as APIKeyInputError {
                throw fail(Words.apiKeyProblem(error), code: ExitStatus.badInput)
            } catch let error as LaunchError {
                throw fail(error.description, code: ExitStatus.badInput)
            }
            guard let directory = TokenCache.defaultDirectory(environment: environment) else {
                throw fail("neither XDG_CACHE_HOME nor HOME is set, so there is no token cache.", code: ExitStatus.badInput)
            }
            let cache = TokenCache(directory: directory)
            let hash = TokenCache.keyHash(apiKey: key, iam: scope)
            origin = .cache(cache.path(keyHash: hash))
            switch cache.lookup(keyHash: hash) {
            case .fresh(let token), .refreshDue(let token), .expired(let token): accessToken = token.accessToken
            case .missing:
                return try missing(origin, reason: "no cached token for this key and IAM endpoint (\(scope)); `token-wizard token` with the same --endpoints fetches one.")
            case .unusable(let problem):
                return try missing(origin, reason: Words.cacheNote(.ignored(problem), directory: directory)
                    .replacingOccurrences(of: " and replaced", with: ""))
            }
        } else {
            let path = tokenFile ?? ((directory ?? FileManager.default.currentDirectoryPath) as NSString).appendingPathComponent("token.json")
            origin = .tokenFile(path)
            do {
                accessToken = try TokenFileReader.accessToken(at: path)
            } catch .missing {
                return try missing(origin, reason: "no token file at \(path.sanitizedForDisplay); the wizard saves one (or `token-wizard token --format json > token.json`).")
            } catch .unreadable(_, let code) {
                throw problem(origin, "cannot read \(path.sanitizedForDisplay): \(String(cString: strerror(code))).", kind: "unreadable")
            } catch {
                throw problem(origin, "\(path.sanitizedForDisplay) holds no IAM access token (IAM's JSON response, or the bare token).", kind: "not_a_token")
            }
        }
        let report: TokenReport
        do {
            report = try TokenReport(origin: origin, accessToken: accessToken, now: now)
        } catch {
            throw problem(origin, "the token is not an IAM JWT.", kind: "not_a_token")
        }
        print(json ? Self.json(report) : Self.text(report))
        if !report.isValid { throw ExitCode(ExitStatus.expiredOrMissing) }
    }

    private func missing(_ origin: TokenReport.Origin, reason: String) throws {
        if json {
            var object = StatusJSON(origin: origin)
            object.problem = "missing"
            print(Self.encode(object))
        }
        FileHandle.standardError.write(Data("token-wizard: \(reason)\n".utf8))
        throw ExitCode(ExitStatus.expiredOrMissing)
    }

    /// Says what is wrong (and, with `--json`, prints `{"valid":false,"problem":kind,…}`); exit 2.
    private func problem(_ origin: TokenReport.Origin, _ message: String, kind: String) -> ExitCode {
        if json {
            var object = StatusJSON(origin: origin)
            object.problem = kind
            print(Self.encode(object))
        }
        return fail(message, code: ExitStatus.badInput)
    }

    /// The human report: one labelled line each.
    static func text(_ report: TokenReport, timeZone: TimeZone = .current) -> String {
        let claims = report.claims
        var lines: [(String, String)] = []
        switch report.origin {
        case .tokenFile(let path): lines.append(("Token file", path.sanitizedForDisplay))
        case .cache(let path): lines.append(("Cached in", path.sanitizedForDisplay))
        }
        lines.append(("IAM ID", claims.iamID.sanitizedForDisplay))
        let type = claims.subjectType.isEmpty ? "" : " (\(claims.subjectType.sanitizedForDisplay))"
        lines.append(("Subject", claims.subject.sanitizedForDisplay + type))
        lines.append(("Account", claims.accountID.isEmpty ? "-" : claims.accountID.sanitizedForDisplay))
        lines.append(("Issued", Self.times(claims.issuedAt, timeZone: timeZone)))
        lines.append(("Expires", Self.times(claims.expiresAt, timeZone: timeZone)))
        let left = report.secondsLeft
        lines.append(("Left", left > 0 ? "\(left) s (\(left / 60) min); valid" : "none; expired \(-left) s ago"))
        return lines.map { "\($0.0):".padding(toLength: 12, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }

    /// `2026-12-03T19:20:00Z (2026-12-03 20:20:00 CET)`: UTC, then local time.
    static func times(_ unix: Int, timeZone: TimeZone) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(unix))
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = timeZone
        local.dateFormat = "yyyy-MM-dd HH:mm:ss zzz"
        return "\(utc(unix)) (\(local.string(from: date)))"
    }

    static func utc(_ unix: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }

    /// `status --json`'s object.
    struct StatusJSON: Encodable {
        var source: String
        var path: String
        var valid: Bool
        var iam_id: String?
        var sub: String?
        var sub_type: String?
        var account_id: String?
        var issued_at: String?
        var expires_at: String?
        var issued_at_unix: Int?
        var expires_at_unix: Int?
        var seconds_left: Int?
        /// Set when there is no report: `missing`, `unreadable`, `not_a_token`.
        var problem: String?

        init(origin: TokenReport.Origin, report: TokenReport? = nil) {
            switch origin {
            case .tokenFile(let path): source = "token_file"; self.path = path
            case .cache(let path): source = "cache"; self.path = path
            }
            valid = report?.isValid ?? false
            guard let report else { return }
            iam_id = report.claims.iamID; sub = report.claims.subject; sub_type = report.claims.subjectType
            account_id = report.claims.accountID
            issued_at = StatusCommand.utc(report.claims.issuedAt); expires_at = StatusCommand.utc(report.claims.expiresAt)
            issued_at_unix = report.claims.issuedAt; expires_at_unix = report.claims.expiresAt
            seconds_left = report.secondsLeft
        }
    }

    static func json(_ report: TokenReport) -> String { encode(StatusJSON(origin: report.origin, report: report)) }

    static func encode(_ value: StatusJSON) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}
