import CloudCore
import WizardCore

/// English words for everything the wizard shows.
public struct English: Strings {
    public init() {}
    public var language: Language { .english }

    public func problem(_ error: CloudError) -> String {
        switch error {
        case .server(let service, let status, let code, let message, _):
            let codePart = code.isEmpty ? "" : " \(code)"
            return "\(self.service(service)) said \(status)\(codePart): \(message.isEmpty ? HTTPReason.phrase(status) : message)"
        case .transport(let service, let failure):
            return "Could not reach \(self.service(service)): \(transport(failure))"
        case .decoding(let service, let failure):
            return "\(self.service(service)) sent an answer that could not be read: \(decoding(failure))"
        case .invalidRequest(let problem):
            return input(problem)
        }
    }

    public func service(_ service: CloudService) -> String { service.rawValue }

    public func transport(_ failure: TransportFailure) -> String {
        switch failure {
        case .timedOut(let seconds): "no answer within \(Int(seconds.rounded())) s"
        case .connectionRefused: "connection refused"
        case .connectionReset: "the connection was closed before the answer came"
        case .hostNotFound: "host name not found"
        case .networkUnreachable: "the network or host is unreachable"
        case .tls(let detail): "TLS failed: \(detail)"
        case .notHTTP: "the answer was not HTTP"
        case .responseTooLarge(let limit): "the answer was larger than \(limit) bytes"
        case .unsupportedURL(let detail): "cannot send to \(detail)"
        case .other(let detail): detail
        }
    }

    public func decoding(_ failure: DecodingFailure) -> String {
        switch failure {
        case .notJSON: "the body is not JSON"
        case .notJSONObject: "the body is not a JSON object"
        case .missingField(let path): "missing \(path)"
        case .notAnArray(let path): "\(path) is not an array"
        case .notAnObject(let path): "\(path) is not an object"
        case .unreadableToken(let part): "the access token is not a readable IAM JWT (\(part))"
        case .nextPageNotURL: "the next page link is not a URL"
        case .nextPageOtherHost(let host): "the next page link points to another host (\(host.isEmpty ? "none" : host))"
        case .nextPageLoop: "the server sent the same next page link twice"
        case .tooManyPages(let limit): "more than \(limit) pages; stopped"
        }
    }

    public func input(_ problem: InputProblem) -> String {
        switch problem {
        case .emptyAPIKey: "The API key is empty."
        case .apiKeyLooksLikeJSON: "The API key starts or ends with { } or \"; paste only the apikey value, not the JSON file."
        case .apiKeyHasInvisibleCharacters(let count):
            "The API key holds \(count) invisible character\(count == 1 ? "" : "s") (zero-width or control); IAM would refuse it."
        case .apiKeyTooLong(let limit): "That is longer than any API key (\(limit) characters at most)."
        case .emptyPasscode: "The one-time passcode is empty."
        case .emptyIBMid: "The IBMid is empty."
        case .emptyPassword: "The password is empty."
        case .noRefreshToken: "This login has no refresh token; log in again with a passcode."
        case .badRegionID(let region): "“\(region)” is not a region ID such as us-south."
        case .badInstanceGUID(let guid): "“\(guid)” is not a Key Protect instance GUID."
        case .badKeyProtectURL(let url): "The Key Protect endpoint “\(url)” is not a URL."
        case .unencodableBody(let detail): "The request could not be encoded: \(detail)"
        case .endpoints(let source, let problem): endpoints(problem, source: source)
        }
    }

    public func endpoints(_ problem: EndpointsProblem, source: String) -> String {
        switch problem {
        case .unreadable: "cannot read the endpoints file \(source)"
        case .notJSONObject: "\(source): not a JSON object"
        case .unknownKeys(let keys): "\(source): unknown key(s) \(keys.joined(separator: ", ")); allowed: iam, accounts, resource_controller, key_protect"
        case .notAString(let key): "\(source): \(key) must be a non-empty string"
        case .notAURL(let key, let value): "\(source): \(key) “\(value)” is not an absolute URL"
        case .hasCredentials(let key): "\(source): \(key) must not contain a user name or password"
        case .hasQuery(let key): "\(source): \(key) must not contain a query or fragment"
        case .insecureHTTP(let key): "\(source): \(key) must use https (http is allowed only for 127.0.0.1, localhost and ::1)"
        case .notHTTPS(let key): "\(source): \(key) must be an https URL"
        case .noRegionPlaceholder: "\(source): key_protect must contain {region}"
        }
    }

    public func summary(_ line: SummaryLine) -> String {
        switch line {
        case .createdServiceID(let name, let id): "Created service ID \(name) (\(id))."
        case .gaveRole(let role, let instance): "Gave it the \(role) role on \(instance ?? "the instance")."
        case .savedAPIKey(let path): "Service ID API key saved to \(path) (mode 0600). Keep it safe."
        case .savedToken(let path, let expiration): "IAM access token saved to \(path) (mode 0600); it expires at \(utc(expiration))."
        case .useToken(let path): "Use it as: Authorization: Bearer $(jq -r .access_token \(ShellQuoting.quote(path)))"
        case .apiKeyNotSaved(let serviceID):
            "Warning: the API key was created but not saved. Delete it in the console (API keys of service ID \(serviceID ?? "?")) and run again."
        case .createStillRunning:
            "A create request was still running when you quit; it may have completed. Check the account before running again."
        case .mayHaveBeenCreated(let what):
            "The \(created([what])) may have been created (its answer was lost). Check the account before running again (ibmcloud iam service-ids)."
        case .tokenOnClipboard: "The token is still on the clipboard (valid for an hour); copy something else over it when done."
        case .nothingCreated: "Nothing was created."
        }
    }
}
