import Foundation
import Hummingbird

/// Applies the active faults (see `EmulatorFault`) before a request reaches its route.
/// Paths under `/_emulator/` are never faulted.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = EmulatorRequestContext
    let faults: FaultInjector
    /// Ends every login session so far (the `expire` fault).
    let expireSessions: @Sendable () -> Void
    /// Counts every request by `METHOD /path` (see `EmulatorCore.requestCounts`).
    let countRequest: @Sendable (String) -> Void


    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if !path.hasPrefix("/_emulator/") { countRequest("\(request.method.rawValue) \(path)") }
        guard !path.hasPrefix("/_emulator/"), let kind = faults.take(path: path) else {
            return try await next(request, context)
        }
        switch kind {
        case .slow(let seconds):
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            return try await next(request, context)
        case .dropConnection:
            context.dropConnection()
            throw CancellationError()
        case .malformedJSON:
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "{\"emulator\": \"malformed\", ")))
        case .tooManyRequests(let retryAfter):
            var error = Self.error(for: path, status: .tooManyRequests, message: "Too many requests (emulated fault).")
            error.headers[.retryAfter] = String(retryAfter)
            throw error
        case .serviceUnavailable(let retryAfter):
            var error = Self.error(for: path, status: .serviceUnavailable, message: "Service unavailable (emulated fault).")
            error.headers[.retryAfter] = String(retryAfter)
            throw error
        case .internalServerError:
            throw Self.error(for: path, status: .internalServerError, message: "Internal server error (emulated fault).")
        case .policyPropagationDelay:
            return try await next(request, context)
        case .sessionExpired:
            expireSessions()
            return try await next(request, context)
        case .lostResponse:
            _ = try await next(request, context)
            context.dropConnection()
            throw CancellationError()
        }
    }

    /// An error in the envelope of the service that owns `path`.
    static func error(for path: String, status: HTTPResponse.Status, message: String) -> EmulatorError {
        let code = status == .tooManyRequests ? "too_many_requests" : status == .serviceUnavailable ? "service_unavailable" : "internal_error"
        if path.hasPrefix("/identity") {
            let iamCode = status == .tooManyRequests ? "BXNIM0429E" : "BXNIM0500E"
            return .iam(status, iamCode, message)
        }
        if path.hasPrefix("/v1/serviceids") || path.hasPrefix("/v1/apikeys") { return .identity(status, code, message) }
        if path.hasPrefix("/v1/policies") || path.hasPrefix("/v2/roles") { return .policy(status, code, message) }
        if path.hasPrefix("/kms/") {
            let kpCode = status == .tooManyRequests ? "TOO_MANY_REQUESTS_ERR" : "INTERNAL_SERVER_ERR"
            return .keyProtect(status, errorMsg: message, code: kpCode, message: message)
        }
        return .resourceController(status, code, message)
    }
}
