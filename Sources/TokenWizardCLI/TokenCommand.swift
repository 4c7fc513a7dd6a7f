import ArgumentParser
import CloudCore
import Foundation
import TokenService
import WizardApp

/// `token-wizard token`: prints a valid IAM access token for a service ID API key, from a cache
/// shared by every process of the user until 80 % of its lifetime has passed.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print a valid IAM access token for a service ID API key.",
        discussion: """
            The API key comes from --apikey-file (the JSON the wizard and `ibmcloud iam \
            service-api-key-create --file` write, or a file holding the bare key), else \
            IBMCLOUD_API_KEY, else one line on standard input when it is not a terminal. It is never \
            a command-line argument and never printed.

            The token is kept in $XDG_CACHE_HOME/token-wizard (else ~/.cache/token-wizard; folder \
            0700, files 0600, named by a SHA-256 of the key, never the key) and served from there \
            without any network call until 80 % of its lifetime has passed (IBM's SDK rule) or fewer \
            than 60 s remain; then a new one is fetched from IAM (POST /identity/token). Callers \
            running at the same time share one fetch.

            Examples:
              token-wizard token --apikey-file kp-apikey.json
              curl -H "$(token-wizard token --apikey-file kp-apikey.json \\
                  --format header)" -H "bluemix-instance: $INSTANCE_GUID" \\
                https://us-south.kms.cloud.ibm.com/api/v2/keys
              eval "$(token-wizard token --format env)"
              token-wizard token --format json --force < key.txt

            Exit status: 0 a token was printed; 2 bad input (no key, unreadable key file, bad \
            endpoints or environment value); 4 IAM refused the key; 5 IAM could not be reached or \
            failed; 64 a bad command line.
            """)

    /// What is printed on standard output.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// The bare JWT.
        case token
        /// `Authorization: Bearer <jwt>`.
        case header
        /// IAM's fields `access_token`, `token_type`, `expires_in` (seconds left), `expiration`.
        case json
        /// `export IBMCLOUD_ACCESS_TOKEN=<jwt>`.
        case env
    }

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("apikey-file"), help: ArgumentHelp("File holding the API key (JSON with an apikey field, or the bare key).", valueName: "file"),
            completion: .file())
    var apiKeyFile: String?

    @Option(help: "Output: token (the bare JWT), header (Authorization: Bearer …), json (IAM's fields), env (export IBMCLOUD_ACCESS_TOKEN=…).")
    var format: Format = .token

    @Flag(help: "Fetch a new token from IAM even when the cached one is still fresh.")
    var force = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let key: Secret
        do {
            key = try APIKeyReader.resolve(file: apiKeyFile, environment: environment,
                standardInputIsTerminal: isatty(0) == 1).key
        } catch {
            throw fail(Words.apiKeyProblem(error), code: ExitStatus.badInput)
        }
        let conventions: CloudConventions
        let scope: String
        do {
            conventions = try CloudConventions(environment: environment)
            scope = try connection.cacheScope()
        } catch let error as LaunchError {
            throw fail(error.description, code: ExitStatus.badInput)
        }
        let directory = TokenCache.defaultDirectory(environment: environment)
        var tuned = TokenCache(directory: directory ?? "/nonexistent/token-wizard")
        // Wait for another caller's fetch about as long as that fetch may take.
        tuned.lockTimeout = min(90, 4 * (conventions.httpTimeout ?? HTTPRequest.defaultTimeout) + 10)
        let cache = tuned
        let endpointOptions = connection.options
        let outcome: CacheOutcome
        do {
            let clientOptions = try conventions.clientOptions(traceFile: nil, holdStandardError: false)
            outcome = try blocking {
                try await cache.token(apiKey: key, iam: scope, force: force, serveStale: Self.iamFailed) {
                    try await Self.fetch(key, endpoints: endpointOptions, options: clientOptions, environment: environment)
                }
            }
        } catch let error as LaunchError {
            throw fail(error.description, code: ExitStatus.badInput)
        } catch let error as CloudError {
            throw fail(Words.fetchProblem(error), code: Self.exitStatus(for: error))
        }
        if directory == nil {
            FileHandle.standardError.write(Data("token-wizard: note: neither XDG_CACHE_HOME nor HOME is set; the token was not cached.\n".utf8))
        } else {
            for note in outcome.notes {
                FileHandle.standardError.write(Data("token-wizard: note: \(Words.cacheNote(note, directory: cache.directory))\n".utf8))
            }
        }
        let output = Self.render(outcome.token, format: format, now: Int(Date().timeIntervalSince1970)) + "\n"
        var bytes = Array(output.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            written += n
        }
        if written < bytes.count {
            throw fail("could not write the token to standard output (\(String(cString: strerror(errno)))).", code: ExitStatus.badInput)
        }
    }

    /// True when IAM could not answer (network, time-out, 429, 5xx), not when it refused the key:
    /// then a cached token that is still valid may be served.
    @Sendable static func iamFailed(_ error: any Error) -> Bool {
        guard let error = error as? CloudError else { return false }
        return exitStatus(for: error) == ExitStatus.unreachable
    }

    /// Asks IAM for a token (starting the sandbox emulator when asked, for this one call).
    static func fetch(_ key: Secret, endpoints: EndpointOptions, options: CloudClientOptions,
                      environment: [String: String]) async throws -> IAMToken {
        let connection = try await CloudConnection.open(endpoints)
        let transport = LiveHTTPTransport(environment: environment)
        do {
            let token = try await IAMTokenClient(transport: transport, endpoints: connection.endpoints, options: options).token(apiKey: key)
            try? await transport.shutdown()
            await connection.close()
            return token
        } catch {
            try? await transport.shutdown()
            await connection.close()
            throw error
        }
    }

    /// 4 when IAM answered and refused the key, 2 for input refused before sending, else 5.
    static func exitStatus(for error: CloudError) -> Int32 {
        switch error {
        case .server(_, let status, _, _, _) where (400..<500).contains(status) && status != 429 && status != 407:
            return ExitStatus.refused
        case .invalidRequest: return ExitStatus.badInput
        default: return ExitStatus.unreachable
        }
    }

    /// The text printed on standard output for `token` in `format`; `expires_in` counts the seconds
    /// left at `now`, so a script can rely on it whether the token came from the cache or not.
    static func render(_ token: CachedToken, format: Format, now: Int) -> String {
        let jwt = token.accessToken.exposedValue
        switch format {
        case .token: return jwt
        case .header: return "Authorization: \(token.tokenType) \(jwt)"
        case .env: return "export IBMCLOUD_ACCESS_TOKEN='\(jwt)'"
        case .json:
            struct Output: Encodable {
                var access_token: String, token_type: String, expires_in: Int, expiration: Int
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let output = Output(access_token: jwt, token_type: token.tokenType, expires_in: token.secondsLeft(now: now), expiration: token.expiration)
            return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self)
        }
    }
}

/// Prints `token-wizard: message` on standard error and returns the exit code to throw.
func fail(_ message: String, code: Int32) -> ExitCode {
    FileHandle.standardError.write(Data("token-wizard: \(message)\n".utf8))
    return ExitCode(code)
}
