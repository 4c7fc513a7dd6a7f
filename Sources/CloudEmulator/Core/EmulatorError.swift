import Foundation
import HTTPTypes
import Hummingbird

/// An error answer in one IBM service's own error envelope.
///
/// Each emulated service speaks its own error format (reference §3.3, §8.3, §9.4, §10.5, §12.4);
/// route handlers throw these and Hummingbird turns them into the response.
struct EmulatorError: HTTPResponseError {
    let status: HTTPResponse.Status
    let body: JSONValue?
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        guard let body, request.method != .head else {
            return Response(status: status, headers: headers)
        }
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body.serialized())))
    }

    // MARK: IAM token service

    /// IAM token service envelope: `{"errorCode","errorMessage","errorDetails"?,"context":{…}}`.
    static func iam(_ status: HTTPResponse.Status, _ code: String, _ message: String, details: String? = nil) -> EmulatorError {
        let now = ISO8601DateFormatter().string(from: Date())
        let context: JSONValue = [
            "requestId": .string(newTraceID()), "requestType": "incoming.OIDC_Token",
            "userAgent": "", "url": "https://iam.cloud.ibm.com", "instanceId": "iamid-emulator",
            "threadId": "1", "host": "127.0.0.1", "startTime": .string(now), "endTime": .string(now),
            "elapsedTime": "1", "locale": "en_US", "clusterName": "emulator",
        ]
        return EmulatorError(
            status: status,
            body: .compact([
                ("errorCode", .string(code)), ("errorMessage", .string(message)),
                ("errorDetails", details.map(JSONValue.string)), ("context", context),
            ]))
    }

    // MARK: IAM Identity (service IDs, API keys)

    /// IAM Identity envelope: `{"trace","errors":[{"code","message_code","message"}],"status_code"}`.
    static func identity(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> EmulatorError {
        let body: JSONValue = [
            "trace": .string(newTraceID()),
            "errors": [["code": .string(code), "message_code": .string(code), "message": .string(message)]],
            "status_code": .int(Int(status.code)),
        ]
        return EmulatorError(status: status, body: body)
    }

    // MARK: IAM Policy Management

    /// Policy API envelope: `{"trace","errors":[{"code","message","details"?}],"status_code"}`.
    static func policy(_ status: HTTPResponse.Status, _ code: String, _ message: String, details: JSONValue? = nil) -> EmulatorError {
        let body: JSONValue = [
            "trace": .string(newTraceID()),
            "errors": [.compact([("code", .string(code)), ("message", .string(message)), ("details", details)])],
            "status_code": .int(Int(status.code)),
        ]
        return EmulatorError(status: status, body: body)
    }

    // MARK: Resource Controller / Resource Manager / Accounts

    /// Resource Controller envelope: `{"error_code","message","status_code","transaction_id"}`,
    /// with the same ID in the `Transaction-Id` header. Also used for resource groups and accounts.
    static func resourceController(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> EmulatorError {
        let transactionID = newTraceID()
        let body: JSONValue = [
            "error_code": .string(code), "message": .string(message),
            "status_code": .int(Int(status.code)), "transaction_id": .string(transactionID),
        ]
        var headers = HTTPFields()
        headers[HTTPField.Name("Transaction-Id")!] = transactionID
        return EmulatorError(status: status, body: body, headers: headers)
    }

    // MARK: Key Protect

    /// Key Protect envelope: `{"metadata":{"collectionType":"application/vnd.ibm.kms.error+json","collectionTotal":1},"resources":[{"errorMsg","reasons":[…]}]}`.
    static func keyProtect(_ status: HTTPResponse.Status, errorMsg: String, code: String, message: String) -> EmulatorError {
        let reason: JSONValue = [
            "code": .string(code), "message": .string(message), "status": .int(Int(status.code)),
            "moreInfo": "https://cloud.ibm.com/apidocs/key-protect",
        ]
        let body: JSONValue = [
            "metadata": ["collectionType": "application/vnd.ibm.kms.error+json", "collectionTotal": 1],
            "resources": [["errorMsg": .string(errorMsg), "reasons": [reason]]],
        ]
        return EmulatorError(status: status, body: body)
    }

    /// Key Protect's 401 `UNAUTHORIZED_ERR`.
    static func keyProtectUnauthorized(_ message: String) -> EmulatorError {
        keyProtect(
            .unauthorized, errorMsg: "Unauthorized: The user does not have access to the specified resource",
            code: "UNAUTHORIZED_ERR", message: message)
    }

    static func newTraceID() -> String { UUID().uuidString.lowercased() }
}
