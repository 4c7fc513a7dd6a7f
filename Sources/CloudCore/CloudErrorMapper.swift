import Foundation

/// Turns a non-2xx ``HTTPResponse`` into ``CloudError/server(service:status:code:message:requestID:)``
/// by reading the service's own error envelope:
///
/// | Service | code | message | request ID |
/// |---|---|---|---|
/// | IAM token | `errorCode` | `errorDetails`, else `errorMessage` | `context.requestId` |
/// | IAM Identity, Policy | `errors[0].code` | `errors[0].message` | `trace` |
/// | Resource Controller | `error_code` | `message` | `transaction_id`, `Transaction-Id` header |
/// | Key Protect | `resources[0].reasons[0].code` | `resources[0].errorMsg` | `correlation-id` header |
/// | Accounts | any of the above | any of the above | any of the above |
///
/// Every service falls back to the other shapes, then to headers (`Transaction-Id`,
/// `X-Request-ID`, `X-Correlation-ID`, `correlation-id`). For HTML or empty bodies the message
/// stays empty (the front end shows the HTTP reason phrase). All strings are
/// ``Swift/String/sanitizedForDisplay`` and at most 500 characters.
public enum CloudErrorMapper {
    /// Maps `response` (any status) to a `.server` error for `service`.
    public static func map(service: CloudService, response: HTTPResponse) -> CloudError {
        let object = try? JSONObject.parse(response.body, service: service)
        var code = ""
        var message = ""
        var requestID = ""

        if let object {
            switch service {
            case .iam:
                code = object.string("errorCode") ?? ""
                message = nonEmpty(object.string("errorDetails")) ?? object.string("errorMessage") ?? ""
                requestID = object.object("context")?.string("requestId") ?? ""
            case .iamIdentity, .iamPolicy:
                let first = (try? object.objects("errors"))??.first
                code = first?.string("code") ?? ""
                message = first?.string("message") ?? ""
                requestID = object.string("trace") ?? ""
            case .resourceController:
                code = object.string("error_code") ?? ""
                message = object.string("message") ?? ""
                requestID = object.string("transaction_id") ?? ""
            case .keyProtect:
                let first = (try? object.objects("resources"))??.first
                message = first?.string("errorMsg") ?? ""
                code = ((try? first?.objects("reasons")) ?? nil)?.first?.string("code") ?? ""
            case .accounts:
                break
            }
            // Fallbacks, shared by every service (the go-sdk-core order, then the others).
            if code.isEmpty || message.isEmpty {
                let firstError = (try? object.objects("errors"))??.first
                let kpFirst = (try? object.objects("resources"))??.first
                if code.isEmpty {
                    code = nonEmpty(firstError?.string("code")) ?? nonEmpty(object.string("errorCode"))
                        ?? nonEmpty(object.string("error_code")) ?? nonEmpty(object.string("code"))
                        ?? nonEmpty(((try? kpFirst?.objects("reasons")) ?? nil)?.first?.string("code")) ?? ""
                }
                if message.isEmpty {
                    message = nonEmpty(firstError?.string("message")) ?? nonEmpty(object.string("error"))
                        ?? nonEmpty(object.string("message")) ?? nonEmpty(object.string("errorMessage"))
                        ?? nonEmpty(object.string("error_description")) ?? nonEmpty(object.string("description"))
                        ?? nonEmpty(kpFirst?.string("errorMsg")) ?? ""
                }
            }
            if requestID.isEmpty {
                requestID = nonEmpty(object.string("trace")) ?? nonEmpty(object.object("context")?.string("requestId"))
                    ?? nonEmpty(object.object("context")?.string("transaction_id")) ?? nonEmpty(object.string("transaction_id"))
                    ?? nonEmpty(object.string("request_id")) ?? ""
            }
        }
        if requestID.isEmpty {
            for name in ["correlation-id", "transaction-id", "x-request-id", "x-correlation-id", "x-global-transaction-id"] {
                if let value = nonEmpty(response.header(name)?.sanitizedForDisplay) { requestID = value; break }
            }
        } else if service == .keyProtect, let header = nonEmpty(response.header("correlation-id")?.sanitizedForDisplay) {
            requestID = header
        }
        return .server(service: service, status: response.status, code: clip(code, 100), message: clip(message, 500), requestID: clip(requestID, 200))
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
