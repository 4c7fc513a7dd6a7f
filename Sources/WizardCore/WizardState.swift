import CloudCore

/// Where the final screen's "Test now" stands.
public struct KeyProtectTest: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case running
        /// Key Protect listed this many keys.
        case succeeded(keyCount: Int)
        /// Refused or failed; `waitingForPolicy` while a retry for policy propagation is planned;
        /// `problem` is Key Protect's answer, put into words by the front end.
        case failed(message: Text, waitingForPolicy: Bool, problem: CloudError?)
    }
    public var outcome: Outcome
    /// Attempts made so far (retries for a new policy are bounded by `Wizard.policyRetryLimit`).
    public var attempts: Int
    /// Unix time (seconds) of the next automatic attempt, when one is planned.
    public var retryAt: Double?
}

/// Where to return after logging in again: the step and the call that was refused as expired.
public struct ResumeAfterLogin: Sendable, Hashable {
    public var step: Step
    public var call: Call
    /// True once a silent renewal with the refresh token was tried.
    public var triedRefresh: Bool
    /// True while that silent renewal runs (its failure means: ask the user to log in again).
    public var renewing: Bool
    public init(step: Step, call: Call, triedRefresh: Bool = false, renewing: Bool = false) {
        self.step = step; self.call = call; self.triedRefresh = triedRefresh; self.renewing = renewing
    }
}

/// The whole wizard as a value: the current step, what each screen holds, the choices made and
/// what was created. The screen is drawn from it alone.
public struct WizardState: Sendable, Hashable {
    public var environment: WizardEnvironment
    public var step: Step = .login

    // Log in
    public var loginMethod: LoginMethod = .apiKey
    public var apiKeyField = TextField(label: .apiKey, isSecret: true, maxLength: APIKeyText.maxLength)
    public var passcodeField = TextField(label: .passcode, isSecret: true, maxLength: 128)
    /// IBMid password login: the IBMid (e-mail), password and, when IAM asks, a TOTP code.
    public var passwordForm = Form(fields: [
        TextField(label: .ibmid, maxLength: 256),
        TextField(label: .password, isSecret: true, maxLength: 256),
        TextField(label: .securityCode, isSecret: true, maxLength: 16),
    ])
    /// True once IAM asked for a second factor: the security code field is shown.
    public var needsSecurityCode = false
    /// The account, region and resource group a pasted `ibmcloud login … -c -r -g` line named:
    /// each is chosen for the user when its list loads (then cleared), or asked for with a note.
    public var loginTargets: LoginTargets?
    /// The passcode page from OIDC discovery, once known.
    public var passcodePage: String?
    /// The user's own token, scoped to the chosen account once one is chosen.
    public var userToken: IAMToken?

    // Account, region, resource group, instance
    public var accounts: [Account] = []
    public var accountPicker = Picker(rows: [])
    public var account: Account?
    /// Every Key Protect instance in the chosen account.
    public var instances: [KeyProtectInstance] = []
    public var regionPicker = Picker(rows: [])
    public var region: KeyProtectRegion?
    public var resourceGroups: [ResourceGroup] = []
    public var resourceGroupPicker = Picker(rows: [])
    public var resourceGroup: ResourceGroup?
    public var instancePicker = Picker(rows: [])
    public var instance: KeyProtectInstance?

    // Service ID
    public var serviceIDForm = Form(fields: [
        TextField(label: .name, maxLength: 100),
        TextField(label: .description, maxLength: 250),
    ])
    /// Service IDs that already have the name typed; non-nil while the user chooses reuse or create.
    public var serviceIDMatches: [ServiceID]?
    public var serviceIDChoice = Picker(rows: [])
    public var serviceID: ServiceID?
    /// True when the wizard created the service ID (false when an existing one is reused).
    public var serviceIDWasCreated = false
    /// True when the plan is to create a new service ID named as in the form (nothing is created
    /// before the user confirms the plan).
    public var createsServiceID = false

    // Role and policy
    public var roles: [ServiceRole] = []
    public var rolePicker = Picker(rows: [])
    public var role: ServiceRole?
    public var policy: AccessPolicy?
    /// True once the service ID holds the role (created now, or it already had it).
    public var policyInPlace = false

    // API key and token
    public var apiKeyForm = Form(fields: [
        TextField(label: .name, maxLength: 100),
        TextField(label: .description, maxLength: 250),
        TextField(label: .keyPath, maxLength: 1024),
        TextField(label: .tokenPath, maxLength: 1024),
    ])
    /// A create whose answer never came (e.g. `service ID x`): it may exist; cleared once the
    /// retry finds out. Said on the screen and in the summary at exit.
    public var uncertainCreate: CreatedThing?
    /// True while the plan (what will be created, and the equivalent commands) is shown, after the
    /// API key form and until the user confirms; creating happens from here.
    public var reviewingPlan = false
    /// Where the equivalent commands were saved as a script, once saved.
    public var planScriptPath: String?
    /// What was last saved there (a changed plan is saved again over this run's own file).
    public var planScriptContents: String?
    /// The API key form's last defaults: a field still holding its default follows a new service
    /// ID name; one the user edited is kept.
    public var apiKeyDefaults: [String] = []
    /// The created key. Kept until it is saved: it can never be read from IBM Cloud again.
    public var apiKey: ServiceAPIKey?
    public var apiKeySavedPath: String?
    public var token: IAMToken?
    public var tokenSavedPath: String?
    public var tokenRevealed = false
    /// True when the user chose their own token (as `ibmcloud iam oauth-tokens` gives) instead of a service ID.
    public var usingOwnToken = false
    public var clipboardStatus: Text?
    /// Unix time (seconds) at which the clipboard is cleared, while that countdown runs.
    public var clipboardClearAt: Double?
    /// True while the clipboard is being cleared (the next `.copied` reports the clearing).
    public var clearingClipboard = false
    /// The outcome of "Test now" (Key Protect list keys with the token), in words.
    public var keyProtectTest: KeyProtectTest?

    /// IDs of the service IDs with the chosen name found just before a create; after a create whose
    /// answer was lost, one more than these is the wizard's own.
    public var serviceIDsBeforeCreate: Set<String>?
    /// True while the wizard looks for a service ID whose create answer was lost.
    public var checkingLostServiceID = false

    /// IDs of the service ID's API keys with the chosen name that were there before this wizard
    /// created one: a key that shows up besides these after a lost answer is the wizard's own.
    public var apiKeysBeforeCreate: Set<String>?

    /// Set while the user logs in again after the login session expired: where to return and the
    /// call to send again with the new token. Everything chosen so far is kept.
    public var resumeAfterLogin: ResumeAfterLogin?

    // Runtime
    /// The request in flight, with what the spinner says.
    public var inFlight: Request?
    public var busyMessage: Text?
    /// The last failed request, resent on retry.
    public var failedRequest: Request?
    /// While the call in flight waits to be sent again (IBM Cloud answered 429 or 503 and the retry
    /// loop waits, e.g. for `Retry-After`): Unix time (seconds) of the next attempt, for a countdown.
    public var retryingAt: Double?
    /// After IBM Cloud answered 429 (Too Many Requests) and asked for a longer wait than the retry
    /// loop makes: Unix time (seconds) at which the failed call is sent again by itself. A 429 means
    /// nothing was done, so even a create is sent again as it was. Enter sends it at once.
    public var automaticRetryAt: Double?
    /// The wait (seconds) the retry loop gave up on, for the failure that follows it.
    public var refusedRetryWait: Double?
    /// Automatic retries after 429 since the last success (bounded by `Wizard.automaticRetryLimit`).
    public var automaticRetries = 0
    public var notice: Notice?
    /// A note about something chosen for the user, e.g. the API key's own account.
    public var autoChoiceNote: Text?
    /// Unix time, seconds, as of the last tick.
    public var now: Double = 0
    public var spinnerPhase = 0
    /// Ctrl-C came while the API key was being created: save it when it arrives, then quit.
    public var quitWhenKeySaved = false
    /// What is shown over the screen or waits for an answer, at most one at a time.
    public var overlay: Overlay?
    /// The passcode page as a QR code (lines of text from `qrencode -t UTF8`), once drawn.
    public var qrCode: [String]?
    public var isFinished = false
    var nextRequestNumber = 1

    /// An earlier run to carry on from: applied step by step after login, then cleared.
    public var pendingResume: Checkpoint?

    public init(environment: WizardEnvironment) {
        self.environment = environment
        self.pendingResume = environment.resume
        if let key = environment.apiKeyFromEnvironment, !key.isEmpty {
            // Too long for the field: left empty rather than cut (the key would be wrong).
            _ = apiKeyField.paste(key.exposedValue)
        }
    }

    /// True while the API key field holds, unchanged, the key from `IBMCLOUD_API_KEY`.
    public var apiKeyFieldIsFromEnvironment: Bool {
        guard let key = environment.apiKeyFromEnvironment, !key.isEmpty else { return false }
        return !apiKeyField.text.isEmpty && apiKeyField.text == TextField.printable(key.exposedValue)
    }

    /// True while a call runs.
    public var isBusy: Bool { inFlight != nil }

    /// True once something exists in IBM Cloud that going back would leave behind.
    public var hasCreatedResources: Bool { serviceIDWasCreated || policy != nil || apiKey != nil }
}

/// Something shown over the current screen, or a question waiting for its answer. One optional
/// value instead of a flag each, so two cannot be on at once.
public enum Overlay: Sendable, Hashable {
    /// The help for the current screen (`?` or F1); any key closes it.
    case help
    /// The passcode page as a QR code, full screen; any key closes it.
    case qrCode
    /// Esc on a partly carried-out plan: `d` deletes what was created, Esc again keeps it.
    case keepOrDelete
    /// Manager was chosen once: Enter on it again confirms.
    case managerConfirmation
    /// Ctrl-C with an API key not yet saved: Ctrl-C again quits without it.
    case quitWithUnsavedKey
}

extension WizardState {
    /// True while the help is shown (``Overlay/help``); setting it opens or closes the help.
    public var showingHelp: Bool {
        get { overlay == .help }
        set { set(.help, newValue) }
    }
    /// True while the QR code is shown (``Overlay/qrCode``).
    public var showingQRCode: Bool {
        get { overlay == .qrCode }
        set { set(.qrCode, newValue) }
    }
    /// True while keep-or-delete waits for `d` or Esc (``Overlay/keepOrDelete``).
    public var backOfferPending: Bool {
        get { overlay == .keepOrDelete }
        set { set(.keepOrDelete, newValue) }
    }
    /// True while Manager waits for a second Enter (``Overlay/managerConfirmation``).
    public var managerConfirmationPending: Bool {
        get { overlay == .managerConfirmation }
        set { set(.managerConfirmation, newValue) }
    }
    /// True after one Ctrl-C with an unsaved API key (``Overlay/quitWithUnsavedKey``).
    public var quitArmed: Bool {
        get { overlay == .quitWithUnsavedKey }
        set { set(.quitWithUnsavedKey, newValue) }
    }

    private mutating func set(_ which: Overlay, _ on: Bool) {
        if on { overlay = which } else if overlay == which { overlay = nil }
    }
}
