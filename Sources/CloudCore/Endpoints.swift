import Foundation

/// Base URLs of the IBM Cloud services the wizard calls. Production is ``ibmCloud``; an emulator or
/// test writes an endpoints file (see ``load(from:)``).
///
/// The clients append these paths: on ``iam`` `/identity/token`,
/// `/identity/.well-known/openid-configuration`, `/v1/serviceids/`, `/v2/roles`, `/v1/policies`,
/// `/v1/apikeys`; on ``accounts`` `/coe/v2/accounts`; on ``resourceController``
/// `/v2/resource_groups`, `/v2/resource_instances`; on the Key Protect base `/api/v2/keys`.
public struct Endpoints: Sendable, Hashable, Codable {
    /// IAM token service, IAM Identity and IAM Policy Management, e.g. `https://iam.cloud.ibm.com`.
    public var iam: URL
    /// Accounts (COE), e.g. `https://accounts.cloud.ibm.com`.
    public var accounts: URL
    /// Resource Controller and Resource Manager, e.g. `https://resource-controller.cloud.ibm.com`.
    public var resourceController: URL
    /// Key Protect base URL template; `{region}` is replaced by a region ID such as `us-south`.
    public var keyProtect: String

    enum CodingKeys: String, CodingKey {
        case iam
        case accounts
        case resourceController = "resource_controller"
        case keyProtect = "key_protect"
    }

    public init(iam: URL, accounts: URL, resourceController: URL, keyProtect: String) {
        self.iam = iam; self.accounts = accounts; self.resourceController = resourceController; self.keyProtect = keyProtect
    }

    /// Public IBM Cloud production endpoints.
    public static let ibmCloud = Endpoints(
        iam: URL(string: "https://iam.cloud.ibm.com")!,
        accounts: URL(string: "https://accounts.cloud.ibm.com")!,
        resourceController: URL(string: "https://resource-controller.cloud.ibm.com")!,
        keyProtect: "https://{region}.kms.cloud.ibm.com"
    )

    /// IBM Cloud's private endpoints, reached over IBM's private network (VPC virtual private
    /// endpoints, or classic infrastructure with VRF and service endpoints); for `--private`.
    /// Source: API reference §1 (IAM `private.iam.cloud.ibm.com`, Accounts
    /// `private.accounts.cloud.ibm.com`, Resource Controller `private.resource-controller.cloud.ibm.com`,
    /// Key Protect `private.<region>.kms.cloud.ibm.com`). They are under `cloud.ibm.com`, so an
    /// endpoints file naming them counts as IBM Cloud (``isIBMCloud``).
    public static let ibmCloudPrivate = Endpoints(
        iam: URL(string: "https://private.iam.cloud.ibm.com")!,
        accounts: URL(string: "https://private.accounts.cloud.ibm.com")!,
        resourceController: URL(string: "https://private.resource-controller.cloud.ibm.com")!,
        keyProtect: "https://private.{region}.kms.cloud.ibm.com"
    )

    /// The Key Protect base URL for `region` (e.g. `us-south` → `https://us-south.kms.cloud.ibm.com`).
    /// Throws ``CloudError/invalidRequest(_:)`` when `region` is not lower-case letters, digits
    /// and `-`, or the result is not a valid URL.
    public func keyProtectBaseURL(region: String) throws -> URL {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard !region.isEmpty, region.count <= 63, region.allSatisfy({ allowed.contains($0) }) else {
            throw CloudError.invalidRequest(.badRegionID(region.sanitizedForDisplay))
        }
        let text = keyProtect.replacingOccurrences(of: "{region}", with: region)
        guard let url = URL(string: text), url.host != nil else {
            throw CloudError.invalidRequest(.badKeyProtectURL(text.sanitizedForDisplay))
        }
        return url
    }

    /// True when every host is under `cloud.ibm.com` (the app warns otherwise: tokens go elsewhere).
    public var isIBMCloud: Bool {
        let kp = keyProtect.replacingOccurrences(of: "{region}", with: "us-south")
        let hosts = [iam.host, accounts.host, resourceController.host, URL(string: kp)?.host]
        return hosts.allSatisfy { host in
            guard let host = host?.lowercased() else { return false }
            return host == "cloud.ibm.com" || host.hasSuffix(".cloud.ibm.com")
        }
    }

    /// Checks every URL: absolute, with a host, no user info, `https` — or `http` to a loopback host
    /// (127.0.0.0/8, `localhost`, `::1`) — and that ``keyProtect`` contains `{region}`.
    /// Throws ``CloudError/invalidRequest(_:)`` naming the bad entry.
    public func validate(source: String = "endpoints") throws {
        try Self.check(iam.absoluteString, key: "iam", source: source)
        try Self.check(accounts.absoluteString, key: "accounts", source: source)
        try Self.check(resourceController.absoluteString, key: "resource_controller", source: source)
        guard keyProtect.contains("{region}") else {
            throw CloudError.invalidRequest(.endpoints(source: source, .noRegionPlaceholder))
        }
        try Self.check(keyProtect.replacingOccurrences(of: "{region}", with: "us-south"), key: "key_protect", source: source)
    }

    private static func check(_ text: String, key: String, source: String) throws {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw CloudError.invalidRequest(.endpoints(source: source, .notAURL(key: key, value: text.sanitizedForDisplay)))
        }
        guard url.user == nil, url.password == nil else {
            throw CloudError.invalidRequest(.endpoints(source: source, .hasCredentials(key: key)))
        }
        guard url.query == nil, url.fragment == nil else {
            throw CloudError.invalidRequest(.endpoints(source: source, .hasQuery(key: key)))
        }
        switch scheme {
        case "https": return
        case "http":
            guard isLoopbackHost(host) else {
                throw CloudError.invalidRequest(.endpoints(source: source, .insecureHTTP(key: key)))
            }
        default:
            throw CloudError.invalidRequest(.endpoints(source: source, .notHTTPS(key: key)))
        }
    }

    /// True for `localhost`, `::1` and 127.0.0.0/8 (brackets around IPv6 are ignored).
    public static func isLoopbackHost(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            guard let n = Int(part), (0...255).contains(n), part.allSatisfy(\.isNumber) else { return false }
            return true
        }
    }

    /// Reads an endpoints file: a JSON object with exactly the string keys `iam`, `accounts`,
    /// `resource_controller` and `key_protect` (the last containing `{region}`), e.g.
    /// `{"iam":"http://127.0.0.1:8080","accounts":"http://127.0.0.1:8080","resource_controller":"http://127.0.0.1:8080","key_protect":"http://127.0.0.1:8080/kms/{region}"}`.
    /// Then ``validate()``s it. Throws ``CloudError/invalidRequest(_:)`` when the file cannot be
    /// read, is not that JSON, or fails validation.
    public static func load(from path: String) throws -> Endpoints {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CloudError.invalidRequest(.endpoints(source: path.sanitizedForDisplay, .unreadable))
        }
        return try parse(data, source: path)
    }

    /// Parses and validates endpoints-file JSON (see ``load(from:)``). `source` names it in errors.
    public static func parse(_ data: Data, source: String = "endpoints") throws -> Endpoints {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CloudError.invalidRequest(.endpoints(source: source.sanitizedForDisplay, .notJSONObject))
        }
        let keys = ["iam", "accounts", "resource_controller", "key_protect"]
        let unknown = Set(object.keys).subtracting(keys)
        guard unknown.isEmpty else {
            throw CloudError.invalidRequest(.endpoints(source: source.sanitizedForDisplay, .unknownKeys(unknown.sorted().map(\.sanitizedForDisplay))))
        }
        var values: [String: String] = [:]
        for key in keys {
            guard let value = object[key] as? String, !value.isEmpty else {
                throw CloudError.invalidRequest(.endpoints(source: source.sanitizedForDisplay, .notAString(key: key)))
            }
            values[key] = stripTrailingSlash(value)
        }
        func url(_ key: String) throws -> URL {
            guard let url = URL(string: values[key]!) else {
                throw CloudError.invalidRequest(.endpoints(source: source.sanitizedForDisplay, .notAURL(key: key, value: values[key]!.sanitizedForDisplay)))
            }
            return url
        }
        let endpoints = Endpoints(iam: try url("iam"), accounts: try url("accounts"), resourceController: try url("resource_controller"), keyProtect: values["key_protect"]!)
        try endpoints.validate(source: source.sanitizedForDisplay)
        return endpoints
    }

    private static func stripTrailingSlash(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}

extension URL {
    /// `self` with `path` (starting with `/`) appended to whatever path it has, and `query` (already
    /// percent-encoded `name=value` pairs) attached.
    func appendingAPIPath(_ path: String, query: [(String, String)] = []) -> URL {
        var base = absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var text = base + path
        if !query.isEmpty {
            text += "?" + query.map { "\(FormEncoding.percentEncode($0.0))=\(FormEncoding.percentEncode($0.1))" }.joined(separator: "&")
        }
        return URL(string: text)!
    }
}
