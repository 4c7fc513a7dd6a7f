import CloudCore

/// Identifies one request; a response whose ID is not the one in flight is dropped.
public struct RequestID: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public var description: String { "#\(rawValue)" }
}

/// A call to the outside world: IBM Cloud or the file system.
public enum Call: Sendable, Hashable {
    case discoverOIDC
    /// Open the URL in the user's browser (`xdg-open`); only where `BrowserAccess.local`.
    case openInBrowser(url: String)
    /// Draw the URL as a QR code (lines of text), to scan with a phone.
    case makeQRCode(text: String)
    case loginWithAPIKey(Secret)
    case loginWithPasscode(Secret)
    /// The password grant; `securityCode` when IAM asked for a second factor.
    case loginWithPassword(username: String, password: Secret, securityCode: Secret?)
    /// Read the `apikey` field of an API key JSON file (any of the CLI's or Terraform's layouts).
    case readAPIKeyFile(path: String)
    case scopeToAccount(refreshToken: Secret, accountID: String)
    case listAccounts(token: IAMToken)
    case listInstances(accountID: String, token: IAMToken)
    case listResourceGroups(accountID: String, token: IAMToken)
    case findServiceIDs(name: String, accountID: String, token: IAMToken)
    case createServiceID(name: String, description: String, accountID: String, token: IAMToken)
    case listRoles(accountID: String, token: IAMToken)
    case createPolicy(subjectIAMID: String, roleCRN: String, accountID: String, scope: PolicyScope, token: IAMToken)
    /// Check, before the API key is created, that both files can be written: the key file must not
    /// exist and its folder must be writable; the token file may only replace an earlier token file.
    case checkSavePaths(keyPath: String, tokenPath: String)
    case createAPIKey(name: String, description: String, serviceIAMID: String, accountID: String, token: IAMToken)
    /// The service ID's API keys named `name` (no values): taken before a create, and again after
    /// a create whose answer never came, so a retry can tell a lost key from one that was there.
    case findAPIKeys(name: String, serviceIAMID: String, accountID: String, token: IAMToken)
    /// Delete what this run created, when the user goes back instead of finishing: API keys, then
    /// the policy, then the service ID (which takes its keys and policies with it).
    case deleteCreated(serviceID: String?, policyID: String?, apiKeyIDs: [String], token: IAMToken)
    /// Delete API keys whose values were lost (created, but the answer never arrived).
    case deleteAPIKeys(ids: [String], token: IAMToken)
    /// Read back the API key file an earlier run saved (resume), answered with `.apiKey`; refused
    /// when the file is not a key of the service ID `serviceIAMID` (its `iam_id` must match).
    case readSavedAPIKey(path: String, serviceIAMID: String)
    /// Write the API key file like `ibmcloud iam service-api-key-create --file` (0600), then read it back.
    case saveAPIKey(ServiceAPIKey, path: String)
    case exchangeAPIKey(Secret)
    /// Write the plan's equivalent `ibmcloud`/`curl` commands as a script (0600). `replacing`: the
    /// file is this run's own earlier script; otherwise an existing file is never replaced and the
    /// next free name (`-2`, `-3`, …) is used.
    case saveScript(contents: String, path: String, replacing: Bool)
    /// Write IAM's token response as JSON (0600).
    case saveToken(IAMToken, path: String)
    /// Key Protect list keys with the new token: proves the token works.
    case listKeys(region: String, instanceGUID: String, token: IAMToken)
}

extension Call {
    /// The same call with the user's token replaced, for calls sent with the user's token; nil for
    /// the others. Used to send a call again after the user logged in again (session expired).
    public func replacingUserToken(with token: IAMToken) -> Call? {
        switch self {
        case .listAccounts: .listAccounts(token: token)
        case .listInstances(let account, _): .listInstances(accountID: account, token: token)
        case .listResourceGroups(let account, _): .listResourceGroups(accountID: account, token: token)
        case .findServiceIDs(let name, let account, _): .findServiceIDs(name: name, accountID: account, token: token)
        case .createServiceID(let name, let description, let account, _):
            .createServiceID(name: name, description: description, accountID: account, token: token)
        case .listRoles(let account, _): .listRoles(accountID: account, token: token)
        case .createPolicy(let subject, let role, let account, let scope, _):
            .createPolicy(subjectIAMID: subject, roleCRN: role, accountID: account, scope: scope, token: token)
        case .createAPIKey(let name, let description, let serviceIAMID, let account, _):
            .createAPIKey(name: name, description: description, serviceIAMID: serviceIAMID, accountID: account, token: token)
        case .findAPIKeys(let name, let serviceIAMID, let account, _):
            .findAPIKeys(name: name, serviceIAMID: serviceIAMID, accountID: account, token: token)
        case .deleteAPIKeys(let ids, _): .deleteAPIKeys(ids: ids, token: token)
        case .deleteCreated(let serviceID, let policyID, let keys, _):
            .deleteCreated(serviceID: serviceID, policyID: policyID, apiKeyIDs: keys, token: token)
        default: nil
        }
    }
}

/// A request: a call and its ID.
public struct Request: Sendable, Hashable {
    public var id: RequestID
    public var call: Call
    public init(id: RequestID, call: Call) { self.id = id; self.call = call }
}

/// What the state machine asks of the runtime. Plain data; the runtime performs it.
public enum WizardEffect: Sendable, Hashable {
    /// Perform the call and answer with `.responded(id, result)`.
    case perform(Request)
    /// Put the text on the clipboard and answer with `.copied(_)`.
    case copyToClipboard(Secret)
    /// End the program (the runtime restores the terminal).
    case quit
}

/// Why a save path cannot be used, and a path that can.
public struct PathProblem: Sendable, Hashable {
    /// 2 for the key file field, 3 for the token file field.
    public var field: Int
    /// The path refused (absolute).
    public var path: String
    /// Why it is refused.
    public var reason: PathReason
    /// A free path nearby (e.g. `name-2.json`), when one was found.
    public var suggestion: String?
    public init(field: Int, path: String, reason: PathReason, suggestion: String? = nil) {
        self.field = field; self.path = path; self.reason = reason; self.suggestion = suggestion
    }
}

/// What a call produced.
public enum CallOutput: Sendable, Hashable {
    case oidc(OIDCConfiguration)
    /// The browser was asked to open the page.
    case opened
    /// A QR code, one text line per two rows of modules.
    case qrCode(lines: [String])
    case token(IAMToken)
    case accounts([Account])
    case instances([KeyProtectInstance])
    case resourceGroups([ResourceGroup])
    case serviceIDs([ServiceID])
    case serviceID(ServiceID)
    case roles([ServiceRole])
    case policy(AccessPolicy)
    case apiKey(ServiceAPIKey)
    /// A file was written (and read back) at this absolute path.
    case saved(path: String)
    case keys(KeyList)
    /// API keys as listed (no values).
    case apiKeyInfos([APIKeyInfo])
    /// The API keys asked for were deleted.
    case deleted
    /// The API key read from a file.
    case apiKeyValue(Secret)
    /// The answer to `checkSavePaths`: nil when both paths are fine, else the problem, which field
    /// (2 key, 3 token) and a free path to propose instead.
    case pathsChecked(problem: PathProblem?)
}

/// Why a call failed.
public enum CallFailure: Error, Sendable, Hashable {
    case cloud(CloudError)
    /// A file could not be written; the message says why (e.g. "file exists", "permission denied").
    case file(path: String, message: String)
}
