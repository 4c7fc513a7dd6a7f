import CloudCore
import Foundation
import Logging

/// The environment variables IBM Cloud's tools read, honoured by every `token-wizard` command.
/// Source: UX anchors (ibmcloud CLI `IBMCLOUD_TRACE`), API reference §14 (`IBMCLOUD_API_KEY`).
public struct CloudConventions: Sendable, Hashable {
    /// Where `IBMCLOUD_TRACE` sends the HTTP trace.
    public enum TraceTarget: Sendable, Hashable {
        /// `IBMCLOUD_TRACE=true`: standard error (the wizard keeps the lines until the terminal is
        /// restored, then writes them).
        case standardError
        /// `IBMCLOUD_TRACE=PATH`: appended to that file, created 0600.
        case file(String)
    }

    /// From `IBMCLOUD_TRACE`; nil when unset, empty or `false`.
    public var trace: TraceTarget?
    /// From `IBMCLOUD_HTTP_TIMEOUT`: the time limit of every HTTP call, seconds; nil for the default (30 s).
    public var httpTimeout: TimeInterval?

    /// Creates conventions from explicit values (tests).
    public init(trace: TraceTarget? = nil, httpTimeout: TimeInterval? = nil) {
        self.trace = trace; self.httpTimeout = httpTimeout
    }

    /// Reads `IBMCLOUD_TRACE` and `IBMCLOUD_HTTP_TIMEOUT` from `environment`.
    /// - Throws: ``LaunchError`` when `IBMCLOUD_HTTP_TIMEOUT` is not a number of seconds in 1…3600.
    public init(environment: [String: String]) throws {
        let trace = (environment["IBMCLOUD_TRACE"] ?? "").trimmingCharacters(in: .whitespaces)
        switch trace.lowercased() {
        case "", "false", "0", "no": self.trace = nil
        case "true", "1", "yes": self.trace = .standardError
        default: self.trace = .file(trace)
        }
        if let raw = environment["IBMCLOUD_HTTP_TIMEOUT"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            guard let seconds = Double(raw), seconds.isFinite, seconds >= 1, seconds <= 3600 else {
                throw LaunchError(description: "IBMCLOUD_HTTP_TIMEOUT must be a number of seconds from 1 to 3600, such as 60 (it is \(raw.debugDescription)).")
            }
            self.httpTimeout = seconds
        } else {
            self.httpTimeout = nil
        }
    }

    /// Client options with the time limit and, when tracing, a logger.
    /// - Parameters:
    ///   - traceFile: `--trace FILE` (wins over `IBMCLOUD_TRACE`).
    ///   - holdStandardError: true while curses owns the terminal: trace lines for standard error
    ///     are kept in `buffer` and written by ``TraceBuffer/flush()`` after the terminal is restored.
    /// - Throws: ``LaunchError`` when a trace file cannot be opened.
    public func clientOptions(traceFile: String?, holdStandardError: Bool, buffer: TraceBuffer? = nil) throws -> CloudClientOptions {
        var options = CloudClientOptions()
        if let httpTimeout { options.timeout = httpTimeout }
        let target: TraceTarget? = traceFile.map { .file($0) } ?? trace
        guard let target else { return options }
        let handler: TraceFileLogHandler
        do {
            switch target {
            case .file(let path): handler = try TraceFileLogHandler(path: path)
            case .standardError:
                handler = holdStandardError ? TraceFileLogHandler(buffer: buffer ?? TraceBuffer()) : TraceFileLogHandler(descriptor: 2)
            }
        } catch {
            throw LaunchError(description: String(describing: error))
        }
        var logger = Logger(label: "token-wizard.http") { _ in handler }
        logger.logLevel = .trace
        options.logger = logger
        return options
    }
}
