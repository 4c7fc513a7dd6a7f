import CloudCore

/// The wizard's steps, in the order of IBM's "Retrieving an access token" document.
public enum Step: Int, Sendable, Hashable, CaseIterable, Comparable {
    case login, account, region, resourceGroup, instance, serviceID, role, apiKey, token, done

    public static func < (a: Step, b: Step) -> Bool { a.rawValue < b.rawValue }
}

/// How the user logs in.
public enum LoginMethod: Sendable, Hashable {
    /// An IBM Cloud API key (`ibmcloud login --apikey`).
    case apiKey
    /// A one-time passcode from the passcode page (`ibmcloud login --sso`).
    case passcode
    /// IBMid and password (`ibmcloud login -u`), with a TOTP code when the account needs one.
    /// Federated users cannot use it (IAM refuses; the wizard points them to SSO).
    case password
}

/// A message shown on the current screen: an error with what to do next, or a note.
public struct Notice: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case error, warning, info }
    public var kind: Kind
    /// What happened; nil when the ``problem`` says it all.
    public var message: Text?
    /// What the user can do next, e.g. "Press Enter to try again, Esc to go back."
    public var hint: Text?
    /// The failed IBM Cloud call behind this notice, put into words by the front end after `message`.
    public var problem: CloudError?
    public init(kind: Kind, message: Text?, hint: Text? = nil, problem: CloudError? = nil) {
        self.kind = kind; self.message = message; self.hint = hint; self.problem = problem
    }
}

/// A small form: fields and which one has focus.
public struct Form: Sendable, Hashable {
    public var fields: [TextField]
    public var focus: Int = 0
    public init(fields: [TextField]) { self.fields = fields }
    /// The focused field's text, trimmed.
    public subscript(_ index: Int) -> String { fields[index].trimmed }
    public var isOnLastField: Bool { focus == fields.count - 1 }
}

/// Context the wizard is started with.
public struct WizardEnvironment: Sendable, Hashable {
    /// Set when the wizard runs against the built-in emulator.
    public var sandbox: SandboxHint?
    /// The folder where files are proposed (absolute path).
    public var workingDirectory: String
    /// Set when the endpoints are not IBM Cloud's own: the login screen warns where credentials go.
    public var endpointWarning: EndpointWarning?
    /// The Key Protect base URL with `{region}`, e.g. `https://{region}.kms.cloud.ibm.com`, for the curl line.
    public var keyProtectTemplate: String
    /// Whether the passcode page can be opened in a browser here (else it is offered as a QR code).
    public var browser: BrowserAccess
    /// Where an earlier run stopped, offered on the login screen (nil: start afresh).
    public var resume: Checkpoint?
    /// The API key from the `IBMCLOUD_API_KEY` environment variable (read by the app, never here):
    /// the API key field starts with it, masked like any key, and the screen says where it came from.
    public var apiKeyFromEnvironment: Secret?
    /// The default description of a new service ID and API key, in the user's language, with
    /// `{instance}` where the instance name goes (set by the front end).
    public var descriptionTemplate: String = "{instance}"
    /// The comments of the script the plan saves (`s`), in the user's language.
    public var planComments: PlanScript.Comments = .english
    public init(sandbox: SandboxHint? = nil, workingDirectory: String, endpointWarning: EndpointWarning? = nil,
                keyProtectTemplate: String = "https://{region}.kms.cloud.ibm.com", browser: BrowserAccess = .none,
                resume: Checkpoint? = nil, apiKeyFromEnvironment: Secret? = nil) {
        self.sandbox = sandbox; self.workingDirectory = workingDirectory; self.endpointWarning = endpointWarning
        self.keyProtectTemplate = keyProtectTemplate; self.browser = browser; self.resume = resume
        self.apiKeyFromEnvironment = apiKeyFromEnvironment
    }
}

extension WizardEnvironment {
    /// The default description for what is made for `instance` (see ``descriptionTemplate``).
    public func describe(instance: String) -> String {
        descriptionTemplate.replacingOccurrences(of: "{instance}", with: instance)
    }
}

/// Endpoints that are not IBM Cloud's: where credentials go, and the file that said so.
public struct EndpointWarning: Sendable, Hashable {
    /// The IAM base URL credentials are sent to.
    public var iam: String
    /// The endpoints file.
    public var file: String
    public init(iam: String, file: String) { self.iam = iam; self.file = file }
}

/// Whether a browser can be opened here, for the SSO passcode page.
public enum BrowserAccess: Sendable, Hashable {
    /// A graphical session on this machine with `xdg-open`: the page can be opened for the user.
    case local
    /// A remote session (SSH): a browser would open on another machine; show a QR code instead.
    case remote
    /// No display and not remote (a console): show a QR code to scan with a phone.
    case none
}

/// How to log in to the sandbox: shown on the first screen. These are emulator credentials, not secrets.
public struct SandboxHint: Sendable, Hashable {
    public var apiKey: String
    public var passcodePage: String
    public init(apiKey: String, passcodePage: String) { self.apiKey = apiKey; self.passcodePage = passcodePage }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
