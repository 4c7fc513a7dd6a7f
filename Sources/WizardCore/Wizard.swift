import CloudCore

/// The state machine: `handle(_:in:)` changes the state for one event and returns the effects the
/// runtime must perform. Pure and synchronous: no I/O, no clock, no randomness.
public enum Wizard {
    /// Applies `event` to `state`; returns what the outside world must do next.
    public static func handle(_ event: WizardEvent, in state: inout WizardState) -> [WizardEffect] {
        switch event {
        case .started:
            return []
        case .ticked(let now):
            state.now = now
            if state.isBusy { state.spinnerPhase &+= 1 }
            if let due = state.clipboardClearAt, now >= due { return clearClipboard(in: &state) }
            if !state.isBusy, let due = state.automaticRetryAt, now >= due, let failed = state.failedRequest {
                // IBM Cloud answered 429 and the wait it asked for is over: send the call again as
                // it was (nothing was done, so no lost-create check is needed).
                state.automaticRetries += 1
                state.failedRequest = nil
                return start(failed.call, busyMessage(for: failed.call), in: &state)
            }
            if !state.isBusy, let due = state.keyProtectTest?.retryAt, now >= due {
                return startKeyProtectTest(in: &state)
            }
            return []
        case .keyPressed(let key):
            return handleKey(key, in: &state)
        case .pasted(let text):
            insertIntoFocusedField(text, in: &state)
            return []
        case .retryWaiting(let id, let wait):
            guard state.inFlight?.id == id else { return [] }
            if wait.willRetry {
                state.retryingAt = state.now + wait.seconds
                state.refusedRetryWait = nil
            } else {
                state.retryingAt = nil
                state.refusedRetryWait = wait.fromServer ? wait.seconds : nil
            }
            return []
        case .responded(let id, let result):
            guard let request = state.inFlight, request.id == id else { return [] }
            state.inFlight = nil
            state.busyMessage = ""
            state.retryingAt = nil
            switch result {
            case .success(let output):
                state.failedRequest = nil
                state.automaticRetries = 0
                state.refusedRetryWait = nil
                return handleSuccess(output, of: request, in: &state)
            case .failure(let failure):
                return handleFailure(failure, of: request, in: &state)
            }
        case .terminalClosed:
            // Nobody is there to answer questions: quit; the runtime lets a running key create
            // or save finish and saves a key that arrives.
            if case .createAPIKey = state.inFlight?.call { state.quitWhenKeySaved = true; return [] }
            state.isFinished = true
            return [.quit]
        case .copied(let method):
            if state.clearingClipboard {
                state.clearingClipboard = false
                state.clipboardStatus = method.map { "Clipboard cleared (\($0))." } ?? "Could not clear the clipboard."
                return []
            }
            let what = state.clipboardStatus ?? "the token"
            state.clipboardStatus =
                method.map { "Copied \(what) (\($0); the terminal must allow it)." }
                ?? "Could not copy: no clipboard reached. Press v to show the token and copy it by hand."
            state.clipboardClearAt = method == nil ? nil : state.now + clipboardClearDelay
            return []
        }
    }

    /// Seconds after a copy before the clipboard is cleared (x clears at once, z keeps it).
    public static let clipboardClearDelay = 45.0

    /// Overwrites the clipboard with nothing, so a copied token does not linger there.
    static func clearClipboard(in state: inout WizardState) -> [WizardEffect] {
        state.clipboardClearAt = nil
        state.clearingClipboard = true
        return [.copyToClipboard(Secret(""))]
    }

    // MARK: Requests

    /// Starts a request: marks it in flight with a spinner message.
    static func start(_ call: Call, _ message: String, in state: inout WizardState) -> [WizardEffect] {
        let request = Request(id: RequestID(state.nextRequestNumber), call: call)
        state.nextRequestNumber += 1
        state.inFlight = request
        state.busyMessage = message
        state.notice = nil
        state.automaticRetryAt = nil
        state.retryingAt = nil
        return [.perform(request)]
    }

    /// Automatic retries after 429 in a row before the wizard stops and waits for Enter.
    public static let automaticRetryLimit = 5
    /// Longest wait (seconds) the wizard counts down by itself after a 429; a longer one is said,
    /// and Enter sends the call again.
    public static let automaticRetryMaxWait = 300.0
    /// Wait (seconds) after a 429 that gave no `Retry-After`.
    public static let automaticRetryDefaultWait = 10.0

    static func retry(in state: inout WizardState) -> [WizardEffect] {
        guard let failed = state.failedRequest else { return [] }
        state.failedRequest = nil
        if state.automaticRetryAt != nil {
            // A 429 is being waited out: nothing was done, so send the same call now.
            return start(failed.call, busyMessage(for: failed.call), in: &state)
        }
        // A create that failed without a clear answer may have happened anyway: look before
        // creating again, so a retry never makes a duplicate service ID.
        if case .createServiceID(let name, _, let accountID, let token) = failed.call {
            state.checkingLostServiceID = true
            return start(.findServiceIDs(name: name, accountID: accountID, token: token),
                "Checking whether the service ID was created…", in: &state)
        }
        // The same for an API key; a key made without us hearing of it has a value nobody can read,
        // so it is deleted and made again (see `.apiKeyInfos`).
        if case .createAPIKey(let name, _, let serviceIAMID, let accountID, let token) = failed.call {
            if state.apiKeysBeforeCreate == nil { state.apiKeysBeforeCreate = [] }
            return start(.findAPIKeys(name: name, serviceIAMID: serviceIAMID, accountID: accountID, token: token),
                "Checking whether the API key was created…", in: &state)
        }
        return start(failed.call, busyMessage(for: failed.call), in: &state)
    }

    /// How many times "Test now" tries while a new policy may still be propagating.
    public static let policyRetryLimit = 6
    /// Seconds between those tries.
    public static let policyRetryInterval = 3.0

    static func startKeyProtectTest(in state: inout WizardState) -> [WizardEffect] {
        guard let token = state.token, let instance = state.instance else { return [] }
        let attempts = (state.keyProtectTest?.attempts ?? 0) + 1
        state.keyProtectTest = KeyProtectTest(outcome: .running, attempts: attempts, retryAt: nil)
        return start(.listKeys(region: instance.regionID, instanceGUID: instance.guid, token: token),
            attempts == 1 ? "Testing the token: Key Protect list keys…" : "Testing again (attempt \(attempts))…", in: &state)
    }

    static func busyMessage(for call: Call) -> String {
        switch call {
        case .discoverOIDC: "Finding the passcode page…"
        case .openInBrowser: "Opening the passcode page in your browser…"
        case .makeQRCode: "Drawing the QR code…"
        case .loginWithAPIKey, .loginWithPasscode, .loginWithPassword: "Logging in…"
        case .readAPIKeyFile: "Reading the API key file…"
        case .readSavedAPIKey: "Reading the API key saved by the last run…"
        case .checkSavePaths: "Checking where the key and token will be saved…"
        case .scopeToAccount: "Switching to the account…"
        case .listAccounts: "Loading accounts…"
        case .listInstances: "Loading Key Protect instances…"
        case .listResourceGroups: "Loading resource groups…"
        case .findServiceIDs: "Looking for service IDs with this name…"
        case .createServiceID: "Creating the service ID…"
        case .listRoles: "Loading Key Protect roles…"
        case .createPolicy: "Giving the service ID its access policy…"
        case .createAPIKey: "Creating the API key…"
        case .findAPIKeys: "Checking the service ID's API keys…"
        case .deleteAPIKeys: "Deleting the API key whose value was lost…"
        case .deleteCreated: "Deleting what was created…"
        case .saveAPIKey: "Saving the API key…"
        case .exchangeAPIKey: "Exchanging the API key for an IAM access token…"
        case .saveToken: "Saving the token…"
        case .saveScript: "Saving the commands…"
        case .listKeys: "Testing the token: Key Protect list keys…"
        }
    }

    // MARK: Failures

    static func handleFailure(_ failure: CallFailure, of request: Request, in state: inout WizardState) -> [WizardEffect] {
        switch failure {
        case .file(let path, let message):
            switch request.call {
            case .openInBrowser, .makeQRCode:
                state.notice = Notice(kind: .warning, message: "Could not \(request.call == .openInBrowser(url: path) ? "open a browser" : "draw a QR code"): \(message)",
                    hint: "Open the page in any browser, on any device, and paste the passcode here.")
                return []
            default: break
            }
            if case .readSavedAPIKey = request.call {
                // The last run's key cannot be used: go on from the form as for a new key (the
                // plan comes first; the taken key path gets a free name proposed).
                state.notice = Notice(kind: .warning, message: "Could not use the API key the last run saved at \(path): \(message)",
                    hint: "Check the form and press Enter: the plan comes first, then a new key is created.")
                return []
            }
            if case .readAPIKeyFile = request.call {
                state.notice = Notice(kind: .error, message: "Could not read \(path): \(message)",
                    hint: "Give the path of an API key JSON file, or paste the key itself.")
                return []
            }
            if case .saveScript = request.call {
                state.notice = Notice(kind: .error, message: "Could not save the commands to \(path): \(message)",
                    hint: "Nothing was created. Press Enter to create, or s to try saving again.")
                return []
            }
            if state.quitWhenKeySaved {
                // The user asked to quit; the key could not be saved where asked. Stay, say so.
                state.quitWhenKeySaved = false
            }
            state.failedRequest = request
            state.notice = Notice(
                kind: .error, message: "Could not save \(path): \(message)",
                hint: "Edit the path and press Enter to save again. Nothing is lost.")
            if case .saveAPIKey = request.call {
                state.apiKeyForm.focus = 2
                state.reviewingPlan = false  // back to the form, where the path can be changed
            }
            if case .saveToken = request.call, !state.usingOwnToken {
                state.reviewingPlan = false
                state.apiKeyForm.focus = 3
                state.step = .apiKey
            }
            return []
        case .cloud(let error):
            // Policy already there: the service ID already has this role on the instance.
            if case .createPolicy = request.call, error.code == "policy_conflict_error" {
                state.uncertainCreate = nil
                state.policyInPlace = true
                state.autoChoiceNote = "The service ID already had this role here; nothing new was created."
                return continueCreating(in: &state)
            }
            if case .listKeys = request.call {
                keyProtectTestFailed(error, in: &state)
                return []
            }
            if case .createAPIKey = request.call, state.quitWhenKeySaved {
                state.isFinished = true
                return [.quit]
            }
            if error.status == 401, state.account != nil, let token = state.userToken, request.call.replacingUserToken(with: token) != nil {
                return sessionExpired(request, in: &state)
            }
            if case .scopeToAccount = request.call, state.resumeAfterLogin?.renewing == true {
                return askToLogInAgain(in: &state)
            }
            if case .loginWithPassword = request.call, error.needsSecondFactor {
                state.needsSecurityCode = true
                state.passwordForm.focus = 2
                state.notice = notice(for: error, call: request.call)
                return []
            }
            state.failedRequest = request
            state.notice = notice(for: error, call: request.call)
            if error.status == 429 {
                rateLimited(request, in: &state)
                return []
            }
            if error.status == nil || (error.status ?? 0) >= 500 {
                switch request.call {
                case .createServiceID(let name, _, _, _):
                    state.uncertainCreate = "service ID \(name)"
                case .createAPIKey(let name, _, _, _, _):
                    state.uncertainCreate = "API key \(name)"
                case .createPolicy:
                    state.uncertainCreate = "access policy"
                default: break
                }
                if state.uncertainCreate != nil, case .createServiceID = request.call {
                    state.notice?.hint = "It may have been created anyway: Enter checks first and carries on, nothing is made twice."
                } else if state.uncertainCreate != nil, case .createAPIKey = request.call {
                    state.notice?.hint = "It may have been created anyway: Enter checks first and carries on, nothing is made twice."
                }
            }
            return []
        }
    }

    /// IBM Cloud answered 429 (Too Many Requests) and the retry loop gave up waiting: nothing was
    /// done, so the same call is sent again by itself once the wait the server asked for is over
    /// (a countdown shows it; Enter sends it at once). Bounded: a wait over
    /// `automaticRetryMaxWait`, or more than `automaticRetryLimit` in a row, waits for Enter.
    static func rateLimited(_ request: Request, in state: inout WizardState) {
        let asked = state.refusedRetryWait
        let wait = asked ?? automaticRetryDefaultWait
        state.refusedRetryWait = nil
        let message = asked == nil
            ? "IBM Cloud is limiting requests (429 Too Many Requests)."
            : "IBM Cloud is limiting requests (429) and asked to wait \(waitText(wait))."
        if wait <= automaticRetryMaxWait, state.automaticRetries < automaticRetryLimit {
            state.automaticRetryAt = state.now + wait
            state.notice = Notice(kind: .warning, message: message,
                hint: "Nothing was done, so the same request is sent again by itself when the wait is over. Enter sends it now.")
        } else {
            state.automaticRetryAt = nil
            state.notice = Notice(kind: .error, message: message,
                hint: "Nothing was done. Press Enter to send it again\(asked == nil ? "" : " after that"), or Esc to go back.")
        }
    }

    /// "30 s", "5 min", "2 h".
    static func waitText(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 120 { return "\(s) s" }
        if s < 7200 { return "\((s + 59) / 60) min" }
        return "\((s + 3599) / 3600) h"
    }

    // MARK: Session expiry

    /// A call with the user's token was refused (401): renew the session with the refresh token if
    /// there is one, else ask the user to log in again; either way come back to this step and send
    /// the call again, with every choice kept.
    static func sessionExpired(_ request: Request, in state: inout WizardState) -> [WizardEffect] {
        let alreadyTried = state.resumeAfterLogin?.triedRefresh == true && state.resumeAfterLogin?.call == request.call
        state.resumeAfterLogin = ResumeAfterLogin(step: state.step == .login ? (state.resumeAfterLogin?.step ?? .account) : state.step,
            call: request.call, triedRefresh: true)
        if !alreadyTried, let refresh = state.userToken?.refreshToken, refresh.exposedValue != "not_supported",
           let account = state.account {
            state.resumeAfterLogin?.renewing = true
            return start(.scopeToAccount(refreshToken: refresh, accountID: account.id), "Your login expired; renewing it…", in: &state)
        }
        return askToLogInAgain(in: &state)
    }

    static func askToLogInAgain(in state: inout WizardState) -> [WizardEffect] {
        state.resumeAfterLogin?.renewing = false
        let title = state.resumeAfterLogin?.step.title ?? "the same step"
        state.step = .login
        state.userToken = nil
        state.failedRequest = nil
        state.notice = Notice(kind: .warning, message: "Your IBM Cloud login has expired.",
            hint: "Log in again to carry on at “\(title)”; everything you chose is kept.")
        return []
    }

    /// Logged in again (or renewed): back to the step, sending the refused call with the new token.
    static func resume(_ resume: ResumeAfterLogin, with token: IAMToken, in state: inout WizardState) -> [WizardEffect] {
        state.resumeAfterLogin = nil
        state.userToken = token
        state.step = resume.step
        state.autoChoiceNote = "Logged in again; carrying on where you were."
        guard let call = resume.call.replacingUserToken(with: token) else { return [] }
        return start(call, busyMessage(for: call), in: &state)
    }

    static func keyProtectTestFailed(_ error: CloudError, in state: inout WizardState) {
        let attempts = state.keyProtectTest?.attempts ?? 1
        let denied = error.status == 401 || error.status == 403
        if denied, let token = state.token, Double(token.expiration) <= state.now {
            state.keyProtectTest = KeyProtectTest(
                outcome: .failed(message: state.usingOwnToken
                    ? "The token has expired (tokens last an hour): run the wizard again for a new one."
                    : "The token has expired (tokens last an hour): press r for a new one.", waitingForPolicy: false, problem: nil),
                attempts: attempts, retryAt: nil)
            return
        }
        let freshPolicy = state.policy != nil
        if denied && freshPolicy && attempts < policyRetryLimit {
            state.keyProtectTest = KeyProtectTest(
                outcome: .failed(message: "Key Protect refused the token; a new policy can take a moment to apply. Trying again…",
                    waitingForPolicy: true, problem: nil),
                attempts: attempts, retryAt: state.now + policyRetryInterval)
            return
        }
        let meaning = denied
            ? "The service ID has no role on this instance yet, or the token is for another account."
            : "Key Protect could not be reached or failed."
        state.keyProtectTest = KeyProtectTest(outcome: .failed(message: meaning, waitingForPolicy: false, problem: error),
            attempts: attempts, retryAt: nil)
    }

    static func notice(for error: CloudError, call: Call) -> Notice {
        var hint = "Press Enter to try again, or Esc to go back."
        switch call {
        case .loginWithAPIKey where error.status == 400 || error.status == 401 || error.status == 403:
            return Notice(kind: .error, message: "IAM did not accept this API key.",
                hint: "Check the key (create one with `ibmcloud iam api-key-create`), fix it and press Enter.", problem: error)
        case .loginWithPassword where error.isFederatedUser:
            return Notice(kind: .error, message: "This IBMid is federated: it logs in through your company's SSO.",
                hint: "Tab to “SSO: one-time passcode” (or use an API key).", problem: error)
        case .loginWithPassword where error.needsSecondFactor:
            return Notice(kind: .warning, message: "Your account needs a second factor.",
                hint: "Type the code from your authenticator app in Security code and press Enter.")
        case .loginWithPassword where error.status == 400 || error.status == 401 || error.status == 403:
            return Notice(kind: .error, message: "IAM did not accept this IBMid and password.",
                hint: "Check them and press Enter. Federated (company) IDs log in with SSO instead.", problem: error)
        case .loginWithPasscode where error.status == 400 || error.status == 401 || error.status == 403:
            return Notice(kind: .error, message: "IAM did not accept this passcode.",
                hint: "Passcodes work once and expire quickly: get a new one from the passcode page and press Enter.", problem: error)
        case .createServiceID where error.status == 403, .createPolicy where error.status == 403,
             .createAPIKey where error.status == 403:
            hint = "You need the Administrator role on the account (or on Key Protect) for this. Ask an administrator, or Esc to go back."
        case .exchangeAPIKey:
            hint = "The API key is saved. Press Enter to try the exchange again."
        default:
            if error.status == 401 { hint = "Your login may have expired. Press Enter to try again; if it fails again, quit and log in again." }
        }
        if case .server(_, let status, _, _, let requestID) = error, !requestID.isEmpty, status >= 500 {
            hint += " (request ID \(requestID))"
        }
        return Notice(kind: .error, message: "", hint: hint, problem: error)
    }

    // MARK: Successes

    static func handleSuccess(_ output: CallOutput, of request: Request, in state: inout WizardState) -> [WizardEffect] {
        switch (request.call, output) {
        case (.discoverOIDC, .oidc(let oidc)):
            state.passcodePage = oidc.passcodeEndpoint.absoluteString
            return []

        case (.openInBrowser, .opened):
            state.notice = Notice(kind: .info, message: "The passcode page is opening in your browser.",
                hint: "Log in there, then paste the one-time passcode here.")
            return []

        case (.makeQRCode, .qrCode(let lines)):
            state.qrCode = lines
            state.showingQRCode = true
            return []

        case (.readAPIKeyFile, .apiKeyValue(let key)):
            return start(.loginWithAPIKey(key), "Logging in with the API key from the file…", in: &state)

        case (.loginWithAPIKey, .token(let token)), (.loginWithPasscode, .token(let token)), (.loginWithPassword, .token(let token)):
            state.passwordForm.fields[1].text = ""
            state.passwordForm.fields[1].cursor = 0
            state.passwordForm.fields[2].text = ""
            state.passwordForm.fields[2].cursor = 0
            state.userToken = token
            state.apiKeyField = TextField(label: "API key", isSecret: true, maxLength: APIKeyText.maxLength)
            state.passcodeField = TextField(label: "One-time passcode", isSecret: true, maxLength: 128)
            if let pending = state.resumeAfterLogin, let account = state.account {
                let tokenAccount = token.claims.accountID
                if tokenAccount.isEmpty || tokenAccount == account.id { return resume(pending, with: token, in: &state) }
                if let refresh = token.refreshToken, refresh.exposedValue != "not_supported" {
                    return start(.scopeToAccount(refreshToken: refresh, accountID: account.id), "Switching to \(account.name)…", in: &state)
                }
                state.userToken = nil
                state.notice = Notice(kind: .error,
                    message: "This login is for account \(tokenAccount), not \(account.name) where your choices were made.",
                    hint: "Log in with an API key of \(account.name), or use a one-time passcode.")
                return []
            }
            return start(.listAccounts(token: token), "Loading accounts…", in: &state)

        case (.listAccounts, .accounts(let accounts)):
            return accountsLoaded(accounts, in: &state)

        case (.scopeToAccount(_, let accountID), .token(let token)):
            guard token.claims.accountID.isEmpty || token.claims.accountID == accountID else {
                state.notice = Notice(kind: .error,
                    message: "IAM returned a token for account \(token.claims.accountID), not \(accountID).",
                    hint: "Choose the account again, or Esc to go back.")
                return []
            }
            if let pending = state.resumeAfterLogin { return resume(pending, with: token, in: &state) }
            state.userToken = token
            return start(.listInstances(accountID: accountID, token: token), "Loading Key Protect instances…", in: &state)

        case (.listInstances, .instances(let instances)):
            state.instances = instances
            state.regionPicker = regionPicker(for: instances)
            state.step = .region
            if state.pendingResume != nil, let effects = resumeRegion(in: &state) { return effects }
            if let wanted = state.loginTargets?.region, state.pendingResume == nil {
                state.loginTargets?.region = nil
                if let row = state.regionPicker.rows.first(where: { $0.id.lowercased() == wanted.lowercased() }),
                   let account = state.account, let token = state.userToken {
                    state.regionPicker = Picker(rows: state.regionPicker.rows, highlightedID: row.id)
                    state.region = KeyProtectRegion.named(row.id)
                    appendNote("Region \(row.id) chosen as asked (-r).", in: &state)
                    return start(.listResourceGroups(accountID: account.id, token: token), "Loading resource groups…", in: &state)
                }
                appendNote("Region \(wanted) (-r) is not a Key Protect region: choose one.", in: &state)
            }
            return []

        case (.listResourceGroups, .resourceGroups(let groups)):
            state.resourceGroups = groups
            let region = state.region?.id ?? ""
            let rows = groups.map { group -> PickerRow in
                let count = state.instances.filter { $0.resourceGroupID == group.id && $0.regionID == region }.count
                let kp = count == 1 ? "1 Key Protect instance" : "\(count) Key Protect instances"
                return PickerRow(id: group.id, title: group.name + (group.isDefault ? " (default)" : ""), detail: "\(kp) here · \(group.id)")
            }
            let counts = Dictionary(grouping: state.instances.filter { $0.regionID == region }, by: \.resourceGroupID).mapValues(\.count)
            let defaultID = groups.first(where: \.isDefault)?.id
            let busiest = groups.max { (counts[$0.id] ?? 0) < (counts[$1.id] ?? 0) }
            let preferred = (defaultID.flatMap { counts[$0] } ?? 0) > 0 || (busiest.flatMap { counts[$0.id] } ?? 0) == 0
                ? defaultID : busiest?.id
            state.resourceGroupPicker = Picker(rows: rows, highlightedID: preferred)
            state.step = .resourceGroup
            if state.pendingResume != nil, let effects = resumeGroupAndInstance(in: &state) { return effects }
            if let wanted = state.loginTargets?.resourceGroup {
                state.loginTargets?.resourceGroup = nil
                if let group = groups.first(where: { $0.id == wanted }) ?? groups.first(where: { $0.name.lowercased() == wanted.lowercased() }) {
                    appendNote("Group \(group.name) chosen as asked (-g).", in: &state)
                    let note = state.autoChoiceNote
                    state.autoChoiceNote = nil
                    _ = chooseResourceGroup(group, in: &state)
                    state.autoChoiceNote = [note, state.autoChoiceNote].compactMap { $0 }.joined(separator: " ")
                    return []
                }
                appendNote("Resource group \(wanted) (-g) is not in this account: choose one.", in: &state)
            }
            if groups.count == 1 {
                let earlier = state.autoChoiceNote  // e.g. a region chosen from -r: not shown yet
                let note = "Only one resource group: \(groups[0].name), chosen for you."
                state.autoChoiceNote = nil
                _ = chooseResourceGroup(groups[0], in: &state)
                state.autoChoiceNote = [earlier, note, state.autoChoiceNote].compactMap { $0 }.joined(separator: " ")
            }
            return []

        case (.findServiceIDs(let name, let accountID, let token), .serviceIDs(let found)):
            if state.checkingLostServiceID {
                state.checkingLostServiceID = false
                state.uncertainCreate = nil
                let new = found.filter { !(state.serviceIDsBeforeCreate ?? []).contains($0.id) }
                if new.count == 1 {
                    state.serviceID = new[0]
                    state.serviceIDWasCreated = true
                    state.serviceIDMatches = nil
                    state.autoChoiceNote = "The service ID was created, though its answer was lost on the way; using it."
                    return continueCreating(in: &state)
                }
            }
            state.serviceIDsBeforeCreate = Set(found.map(\.id))
            if state.reviewingPlan {
                // A retry of a lost create found nothing new: create it now.
                return start(.createServiceID(name: name, description: state.serviceIDForm[1], accountID: accountID, token: token),
                    "Creating the service ID…", in: &state)
            }
            if found.isEmpty {
                state.createsServiceID = true
                state.serviceID = nil
                return enterRoleStep(in: &state)
            }
            state.serviceIDMatches = found
            var rows = found.map {
                PickerRow(id: $0.id, title: "Reuse \($0.name)", detail: "\($0.id)\($0.createdAt.isEmpty ? "" : " · created \($0.createdAt)")")
            }
            rows.append(PickerRow(id: "", title: "Create another service ID named \(name)", detail: "IBM Cloud allows several service IDs with one name"))
            state.serviceIDChoice = Picker(rows: rows)
            state.notice = Notice(kind: .warning,
                message: found.count == 1 ? "A service ID named \(name) already exists." : "\(found.count) service IDs named \(name) already exist.",
                hint: "Reuse one, or create another.")
            return []

        case (.createServiceID, .serviceID(let serviceID)):
            state.uncertainCreate = nil
            state.serviceID = serviceID
            state.serviceIDWasCreated = true
            state.serviceIDMatches = nil
            return continueCreating(in: &state)

        case (.listRoles, .roles(let roles)):
            state.roles = roles.isEmpty ? Wizard.fallbackRoles : roles
            state.rolePicker = rolePicker(for: state.roles)
            if roles.isEmpty {
                state.notice = Notice(kind: .info, message: "IAM listed no Key Protect roles you may read; showing the standard ones.")
            }
            if state.pendingResume != nil, let effects = resumeRole(in: &state) { return effects }
            return []

        case (.createPolicy, .policy(let policy)):
            state.uncertainCreate = nil
            state.policy = policy
            state.policyInPlace = true
            return continueCreating(in: &state)

        case (.saveScript, .saved(let path)):
            state.planScriptPath = path
            state.notice = Notice(kind: .info, message: "Saved the equivalent commands to \(path).",
                hint: "Nothing is created yet: Enter creates, Esc goes back.")
            return []

        case (.checkSavePaths, .pathsChecked(let problem)):
            if let problem {
                state.apiKeyForm.focus = problem.field
                if let suggestion = problem.suggestion {
                    state.apiKeyForm.fields[problem.field].text = suggestion
                    state.apiKeyForm.fields[problem.field].cursor = suggestion.count
                }
                state.notice = Notice(kind: .error, message: problem.message,
                    hint: problem.suggestion == nil ? "Change the path and press Enter." : "A free name is proposed: press Enter to use it, or edit it.")
                return []
            }
            state.reviewingPlan = true
            state.notice = nil
            return []

        case (.findAPIKeys, .apiKeyInfos(let found)):
            guard let before = state.apiKeysBeforeCreate else {
                state.apiKeysBeforeCreate = Set(found.map(\.id))
                return startCreatingAPIKey(in: &state)
            }
            let lost = found.map(\.id).filter { !before.contains($0) }
            guard !lost.isEmpty, let token = state.userToken else { return startCreatingAPIKey(in: &state) }
            return start(.deleteAPIKeys(ids: lost, token: token), "The API key was created but its answer was lost; deleting it…", in: &state)

        case (.deleteCreated, .deleted):
            let what = Wizard.createdSummary(state)
            if state.serviceIDWasCreated { state.serviceID = nil; state.createsServiceID = true }
            state.serviceIDWasCreated = false
            state.policy = nil
            state.policyInPlace = false
            state.reviewingPlan = false
            state.backOfferPending = false
            state.notice = Notice(kind: .info, message: "Deleted \(what); nothing is left behind.",
                hint: "Change what you like; Enter shows the plan again.")
            return []

        case (.deleteAPIKeys, .deleted):
            state.autoChoiceNote = "An API key was created but its answer was lost on the way; nobody can read its value, so it was deleted and a new one made."
            return startCreatingAPIKey(in: &state)

        case (.createAPIKey, .apiKey(let key)):
            state.uncertainCreate = nil
            state.apiKey = key
            // Save before anything else happens: the value can never be read again.
            return start(.saveAPIKey(key, path: state.apiKeyForm[2]), "Saving the API key…", in: &state)

        case (.readSavedAPIKey(let path, _), .apiKey(let key)):
            // Carrying on after the key was saved: that key, never a second one; only a token.
            state.apiKey = key
            state.apiKeySavedPath = path
            state.step = .token
            state.autoChoiceNote = "Carried on with the API key the last run saved (\(path)); no new key is created."
            return start(.exchangeAPIKey(key.apiKey), "Exchanging the saved API key for an IAM access token…", in: &state)

        case (.saveAPIKey, .saved(let path)):
            state.apiKeySavedPath = path
            state.quitArmed = false
            if state.quitWhenKeySaved {
                state.isFinished = true
                return [.quit]
            }
            guard let key = state.apiKey else { return [] }
            state.step = .token
            return start(.exchangeAPIKey(key.apiKey), "Exchanging the API key for an IAM access token…", in: &state)

        case (.exchangeAPIKey, .token(let token)):
            state.token = token
            return start(.saveToken(token, path: state.apiKeyForm[3]), "Saving the token…", in: &state)

        case (.saveToken, .saved(let path)):
            state.tokenSavedPath = path
            state.step = .done
            return []

        case (.listKeys, .keys(let list)):
            state.keyProtectTest = KeyProtectTest(outcome: .succeeded(keyCount: list.collectionTotal),
                attempts: state.keyProtectTest?.attempts ?? 1, retryAt: nil)
            return []

        default:
            state.notice = Notice(kind: .error, message: "Unexpected answer to \(busyMessage(for: request.call))", hint: "Press Enter to try again.")
            state.failedRequest = request
            return []
        }
    }

    /// After the plan is confirmed: the next thing to create, in order — the service ID (unless
    /// reused), its access policy, then the API key. Each success comes back here.
    static func continueCreating(in state: inout WizardState) -> [WizardEffect] {
        guard let account = state.account, let token = state.userToken, let instance = state.instance else { return [] }
        guard let serviceID = state.serviceID else {
            return start(.createServiceID(name: state.serviceIDForm[0], description: state.serviceIDForm[1], accountID: account.id, token: token),
                "Creating the service ID…", in: &state)
        }
        if !state.policyInPlace, let role = state.role {
            return start(.createPolicy(subjectIAMID: serviceID.iamID, roleCRN: role.crn, accountID: account.id,
                scope: .instance(guid: instance.guid), token: token), "Giving the service ID the \(role.displayName) role…", in: &state)
        }
        if state.serviceIDWasCreated {
            state.apiKeysBeforeCreate = []
            return startCreatingAPIKey(in: &state)
        }
        // A reused service ID may have keys with this name already: note them first.
        state.apiKeysBeforeCreate = nil
        return start(.findAPIKeys(name: state.apiKeyForm[0], serviceIAMID: serviceID.iamID, accountID: account.id, token: token),
            "Creating the API key…", in: &state)
    }

    static func startCreatingAPIKey(in state: inout WizardState) -> [WizardEffect] {
        guard let account = state.account, let token = state.userToken, let serviceID = state.serviceID else { return [] }
        return start(.createAPIKey(name: state.apiKeyForm[0], description: state.apiKeyForm[1],
            serviceIAMID: serviceID.iamID, accountID: account.id, token: token), "Creating the API key…", in: &state)
    }

    static func accountsLoaded(_ accounts: [Account], in state: inout WizardState) -> [WizardEffect] {
        guard let token = state.userToken else { return [] }
        let tokenAccount = token.claims.accountID
        state.accounts = accounts
        if state.loginMethod == .apiKey, !tokenAccount.isEmpty {
            // An API key belongs to one account; IAM does not switch it to another.
            let account = accounts.first { $0.id == tokenAccount } ?? Account(id: tokenAccount, name: tokenAccount)
            state.accounts = [account]
            state.account = account
            state.autoChoiceNote = "Account \(account.name) chosen for you: an API key works only in its own account."
            if let wanted = state.loginTargets?.accountID {
                state.loginTargets?.accountID = nil
                if wanted != account.id {
                    appendNote("The line's -c \(wanted) is not used: an API key works only in its own account.", in: &state)
                }
            }
            if let resume = state.pendingResume, resume.accountID != account.id {
                abandonResume("the last run was in account \(resume.accountName); this API key is for \(account.name).", in: &state)
            }
            return start(.listInstances(accountID: account.id, token: token), "Loading Key Protect instances…", in: &state)
        }
        guard !accounts.isEmpty else {
            state.notice = Notice(kind: .error, message: "This login can see no IBM Cloud account.",
                hint: "Ask to be invited to an account, then log in again (Esc).")
            state.step = .account
            return []
        }
        state.accountPicker = Picker(
            rows: accounts.map { PickerRow(id: $0.id, title: $0.name, detail: "\($0.id) · \($0.state)") },
            highlightedID: tokenAccount.isEmpty ? nil : tokenAccount)
        state.step = .account
        state.autoChoiceNote = nil
        if state.pendingResume != nil, let effects = resumeAccount(accounts, in: &state) { return effects }
        if let wanted = state.loginTargets?.accountID {
            state.loginTargets?.accountID = nil
            if let account = accounts.first(where: { $0.id.lowercased() == wanted.lowercased() }) {
                state.autoChoiceNote = "Account \(account.name) chosen as the ibmcloud line asked (-c)."
                return chooseAccount(account, in: &state)
            }
            state.autoChoiceNote = "The ibmcloud line asked for account \(wanted) (-c); this login cannot see it."
            if accounts.count > 1 {
                appendNote("Choose one.", in: &state)
                return []
            }
        }
        if accounts.count == 1 {
            appendNote("Only one account: \(accounts[0].name), chosen for you.", in: &state)
            return chooseAccount(accounts[0], in: &state)
        }
        return []
    }

    /// Adds a sentence to the note about choices made for the user (shown on the next screen).
    static func appendNote(_ note: String, in state: inout WizardState) {
        state.autoChoiceNote = [state.autoChoiceNote, note].compactMap { $0 }.joined(separator: " ")
    }

    static func chooseAccount(_ account: Account, in state: inout WizardState) -> [WizardEffect] {
        guard let token = state.userToken else { return [] }
        state.account = account
        if let refresh = token.refreshToken, refresh.exposedValue != "not_supported" {
            return start(.scopeToAccount(refreshToken: refresh, accountID: account.id), "Switching to \(account.name)…", in: &state)
        }
        return start(.listInstances(accountID: account.id, token: token), "Loading Key Protect instances…", in: &state)
    }

    static func regionPicker(for instances: [KeyProtectInstance]) -> Picker {
        var counts: [String: Int] = [:]
        for instance in instances { counts[instance.regionID, default: 0] += 1 }
        var regions = KeyProtectRegion.all
        for id in counts.keys where !regions.contains(where: { $0.id == id }) { regions.append(.named(id)) }
        let ordered = regions.enumerated().sorted { a, b in
            let ca = counts[a.element.id] ?? 0, cb = counts[b.element.id] ?? 0
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
        let rows = ordered.map { region -> PickerRow in
            let count = counts[region.id] ?? 0
            let detail = count == 0 ? "no Key Protect instances" : (count == 1 ? "1 Key Protect instance" : "\(count) Key Protect instances")
            return PickerRow(id: region.id, title: "\(region.name) (\(region.id))", detail: detail)
        }
        return Picker(rows: rows)
    }

    static func enterRoleStep(in state: inout WizardState) -> [WizardEffect] {
        state.step = .role
        guard let account = state.account, let token = state.userToken else { return [] }
        return start(.listRoles(accountID: account.id, token: token), "Loading Key Protect roles…", in: &state)
    }

    static func rolePicker(for roles: [ServiceRole]) -> Picker {
        let order = ["Manager", "Writer", "Reader"]
        let sorted = roles.enumerated().sorted { a, b in
            let ia = order.firstIndex(of: a.element.displayName) ?? order.count
            let ib = order.firstIndex(of: b.element.displayName) ?? order.count
            return ia != ib ? ia < ib : a.offset < b.offset
        }.map(\.element)
        let rows = sorted.map { PickerRow(id: $0.crn, title: $0.displayName, detail: plainLanguage(for: $0)) }
        let reader = sorted.first { $0.displayName == "Reader" }?.crn
        return Picker(rows: rows, highlightedID: reader)
    }

    /// What a Key Protect role allows, in plain words (API reference §2.1), or IBM's description.
    static func plainLanguage(for role: ServiceRole) -> String {
        switch role.displayName {
        case "Manager": "Everything in the instance: create, delete, disable keys and change policies"
        case "Writer": "Create, import, rotate and read keys; cannot delete keys or change policies"
        case "Reader": "List keys and read metadata; wrap and unwrap; no key material (least privilege)"
        case "ReaderPlus": "Reader, plus reading a standard key's payload"
        default: role.description
        }
    }

    /// Used when the roles API lists nothing the caller may read. CRNs from API reference §2.
    static let fallbackRoles: [ServiceRole] = ["Manager", "Writer", "Reader"].map {
        ServiceRole(displayName: $0, crn: "crn:v1:bluemix:public:iam::::serviceRole:\($0)")
    }

    static func enterAPIKeyStep(in state: inout WizardState) -> [WizardEffect] {
        state.step = .apiKey
        let base = NameRules.slug(state.serviceID?.name ?? (state.serviceIDForm[0].isEmpty ? "token-wizard" : state.serviceIDForm[0]))
        let dir = state.environment.workingDirectory
        let join = { (name: String) in dir.hasSuffix("/") ? dir + name : dir + "/" + name }
        // Defaults only where the user has not typed: going back to the role and forward keeps them.
        let defaults = ["\(String(base.prefix(96)))-key",
                        "Key Protect access to \(state.instance?.name ?? "the instance"), made by TokenWizard",
                        join("\(String(base.prefix(96)))-apikey.json"), join("token.json")]
        for (i, value) in defaults.enumerated() where state.apiKeyForm.fields[i].text.isEmpty || state.apiKeyForm.fields[i].text == state.apiKeyDefaults[safe: i] {
            state.apiKeyForm.fields[i].text = value
        }
        state.apiKeyDefaults = defaults
        for i in state.apiKeyForm.fields.indices { state.apiKeyForm.fields[i].cursor = state.apiKeyForm.fields[i].text.count }
        state.apiKeyForm.focus = 0
        return []
    }
}
