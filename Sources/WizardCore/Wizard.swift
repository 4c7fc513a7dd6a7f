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
            state.busyMessage = nil
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
                state.clipboardStatus = .say(method.map { .clipboardCleared(method: $0) } ?? .clipboardNotCleared)
                return []
            }
            var what = CopyTarget.bearer
            if case .copying(let target)? = state.clipboardStatus?.phrase { what = target }
            state.clipboardStatus = .say(method.map { .copied(what, method: $0) } ?? .copyFailed)
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
    static func start(_ call: Call, _ reason: BusyReason, in state: inout WizardState) -> [WizardEffect] {
        let request = Request(id: RequestID(state.nextRequestNumber), call: call)
        state.nextRequestNumber += 1
        state.inFlight = request
        state.busyMessage = .say(.busy(reason))
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
                .checkingLostServiceID, in: &state)
        }
        // The same for an API key; a key made without us hearing of it has a value nobody can read,
        // so it is deleted and made again (see `.apiKeyInfos`).
        if case .createAPIKey(let name, _, let serviceIAMID, let accountID, let token) = failed.call {
            if state.apiKeysBeforeCreate == nil { state.apiKeysBeforeCreate = [] }
            return start(.findAPIKeys(name: name, serviceIAMID: serviceIAMID, accountID: accountID, token: token),
                .checkingLostAPIKey, in: &state)
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
            .testingToken(attempt: attempts), in: &state)
    }

    static func busyMessage(for call: Call) -> BusyReason {
        switch call {
        case .discoverOIDC: .findingPasscodePage
        case .openInBrowser: .openingBrowser
        case .makeQRCode: .drawingQRCode
        case .loginWithAPIKey, .loginWithPasscode, .loginWithPassword: .loggingIn
        case .readAPIKeyFile: .readingKeyFile
        case .readSavedAPIKey: .readingSavedKey
        case .checkSavePaths: .checkingSavePaths
        case .scopeToAccount: .switchingAccount(name: nil)
        case .listAccounts: .loadingAccounts
        case .listInstances: .loadingInstances
        case .listResourceGroups: .loadingResourceGroups
        case .findServiceIDs: .lookingForServiceIDs(name: nil)
        case .createServiceID: .creatingServiceID
        case .listRoles: .loadingRoles
        case .createPolicy: .grantingRole(role: nil)
        case .createAPIKey: .creatingAPIKey
        case .findAPIKeys: .checkingAPIKeys
        case .deleteAPIKeys: .deletingLostAPIKey
        case .deleteCreated: .deletingCreated
        case .saveAPIKey: .savingAPIKey
        case .exchangeAPIKey: .exchangingAPIKey
        case .saveToken: .savingToken
        case .saveScript: .savingScript
        case .listKeys: .testingToken(attempt: 1)
        }
    }

    // MARK: Failures

    static func handleFailure(_ failure: CallFailure, of request: Request, in state: inout WizardState) -> [WizardEffect] {
        switch failure {
        case .file(let path, let message):
            switch request.call {
            case .openInBrowser, .makeQRCode:
                state.notice = Notice(kind: .warning,
                    message: .say(request.call == .openInBrowser(url: path) ? .couldNotOpenBrowser(detail: message) : .couldNotDrawQRCode(detail: message)),
                    hint: .say(.openPageAnywhereHint))
                return []
            default: break
            }
            if case .readSavedAPIKey = request.call {
                // The last run's key cannot be used: go on from the form as for a new key (the
                // plan comes first; the taken key path gets a free name proposed).
                state.notice = Notice(kind: .warning, message: .say(.couldNotUseSavedKey(path: path, detail: message)),
                    hint: .say(.couldNotUseSavedKeyHint))
                return []
            }
            if case .readAPIKeyFile = request.call {
                state.notice = Notice(kind: .error, message: .say(.couldNotReadKeyFile(path: path, detail: message)),
                    hint: .say(.couldNotReadKeyFileHint))
                return []
            }
            if case .saveScript = request.call {
                state.notice = Notice(kind: .error, message: .say(.couldNotSaveScript(path: path, detail: message)),
                    hint: .say(.couldNotSaveScriptHint))
                return []
            }
            if state.quitWhenKeySaved {
                // The user asked to quit; the key could not be saved where asked. Stay, say so.
                state.quitWhenKeySaved = false
            }
            state.failedRequest = request
            state.notice = Notice(kind: .error, message: .say(.couldNotSave(path: path, detail: message)), hint: .say(.couldNotSaveHint))
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
                state.autoChoiceNote = .say(.serviceIDAlreadyHadRole)
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
            if case .loginWithPassword = request.call, error.isFederatedUser {
                state.needsSecurityCode = false
                if state.passwordForm.focus == 2 { state.passwordForm.focus = 0 }
            }
            // A lookup right after login failed: stay logged in, on the screen that lists what
            // failed to load, where Enter tries again (the login screen would look logged out).
            if state.step == .login, state.userToken != nil {
                switch request.call {
                case .listAccounts: state.step = .account
                case .listInstances: state.step = state.accounts.count > 1 ? .account : .region
                default: break
                }
            }
            if error.status == 429 {
                rateLimited(request, in: &state)
                return []
            }
            if error.status == nil || (error.status ?? 0) >= 500 {
                switch request.call {
                case .createServiceID(let name, _, _, _):
                    state.uncertainCreate = .serviceID(name: name)
                case .createAPIKey(let name, _, _, _, _):
                    state.uncertainCreate = .apiKey(name: name)
                case .createPolicy:
                    state.uncertainCreate = .accessPolicy
                default: break
                }
                if state.uncertainCreate != nil, case .createServiceID = request.call {
                    state.notice?.hint = .say(.mayHaveBeenCreatedHint)
                } else if state.uncertainCreate != nil, case .createAPIKey = request.call {
                    state.notice?.hint = .say(.mayHaveBeenCreatedHint)
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
        let message = Text.say(.rateLimited(waitSeconds: asked.map { Int($0.rounded(.up)) }))
        if wait <= automaticRetryMaxWait, state.automaticRetries < automaticRetryLimit {
            state.automaticRetryAt = state.now + wait
            state.notice = Notice(kind: .warning, message: message, hint: .say(.rateLimitedAutoHint))
        } else {
            state.automaticRetryAt = nil
            state.notice = Notice(kind: .error, message: message,
                hint: .say(.rateLimitedHint(waitSeconds: asked.map { Int($0.rounded(.up)) })))
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
            return start(.scopeToAccount(refreshToken: refresh, accountID: account.id), .renewingSession, in: &state)
        }
        return askToLogInAgain(in: &state)
    }

    static func askToLogInAgain(in state: inout WizardState) -> [WizardEffect] {
        state.resumeAfterLogin?.renewing = false
        let step = state.resumeAfterLogin?.step
        state.step = .login
        state.userToken = nil
        state.failedRequest = nil
        state.notice = Notice(kind: .warning, message: .say(.sessionExpired), hint: .say(.sessionExpiredHint(step: step)))
        return []
    }

    /// Logged in again (or renewed): back to the step, sending the refused call with the new token.
    static func resume(_ resume: ResumeAfterLogin, with token: IAMToken, in state: inout WizardState) -> [WizardEffect] {
        state.resumeAfterLogin = nil
        state.userToken = token
        state.step = resume.step
        state.autoChoiceNote = .say(.loggedInAgain)
        guard let call = resume.call.replacingUserToken(with: token) else { return [] }
        return start(call, busyMessage(for: call), in: &state)
    }

    static func keyProtectTestFailed(_ error: CloudError, in state: inout WizardState) {
        let attempts = state.keyProtectTest?.attempts ?? 1
        let denied = error.status == 401 || error.status == 403
        if denied, let token = state.token, Double(token.expiration) <= state.now {
            state.keyProtectTest = KeyProtectTest(
                outcome: .failed(message: .say(state.usingOwnToken ? .tokenExpiredRunAgain : .tokenExpiredPressR),
                    waitingForPolicy: false, problem: nil),
                attempts: attempts, retryAt: nil)
            return
        }
        let freshPolicy = state.policy != nil
        if denied && freshPolicy && attempts < policyRetryLimit {
            state.keyProtectTest = KeyProtectTest(
                outcome: .failed(message: .say(.policyNotYetApplied), waitingForPolicy: true, problem: nil),
                attempts: attempts, retryAt: state.now + policyRetryInterval)
            return
        }
        let meaning = Text.say(denied ? .noRoleOrOtherAccount : .keyProtectUnreachable)
        state.keyProtectTest = KeyProtectTest(outcome: .failed(message: meaning, waitingForPolicy: false, problem: error),
            attempts: attempts, retryAt: nil)
    }

    static func notice(for error: CloudError, call: Call) -> Notice {
        var hint = Phrase.pressEnterToRetryOrEsc
        switch call {
        case .loginWithAPIKey where error.status == 400 || error.status == 401 || error.status == 403:
            return Notice(kind: .error, message: .say(.apiKeyNotAccepted), hint: .say(.apiKeyNotAcceptedHint), problem: error)
        case .loginWithPassword where error.isFederatedUser:
            return Notice(kind: .error, message: .say(.federatedIBMid), hint: .say(.federatedIBMidHint), problem: error)
        case .loginWithPassword where error.needsSecondFactor:
            return Notice(kind: .warning, message: .say(.secondFactorNeeded), hint: .say(.secondFactorNeededHint))
        case .loginWithPassword where error.status == 400 || error.status == 401 || error.status == 403:
            return Notice(kind: .error, message: .say(.ibmidNotAccepted), hint: .say(.ibmidNotAcceptedHint), problem: error)
        case .loginWithPasscode where error.status == 400 || error.status == 401 || error.status == 403:
            return Notice(kind: .error, message: .say(.passcodeNotAccepted), hint: .say(.passcodeNotAcceptedHint), problem: error)
        case .createServiceID where error.status == 403, .createPolicy where error.status == 403,
             .createAPIKey where error.status == 403:
            hint = .needAdministratorHint
        case .exchangeAPIKey:
            hint = .keySavedRetryExchangeHint
        default:
            if error.status == 401 { hint = .loginMayHaveExpired }
        }
        if case .server(_, let status, _, _, let requestID) = error, !requestID.isEmpty, status >= 500 {
            return Notice(kind: .error, message: nil, hint: .joined([.say(hint), .say(.requestID(requestID))]), problem: error)
        }
        return Notice(kind: .error, message: nil, hint: .say(hint), problem: error)
    }

    // MARK: Successes

    static func handleSuccess(_ output: CallOutput, of request: Request, in state: inout WizardState) -> [WizardEffect] {
        switch (request.call, output) {
        case (.discoverOIDC, .oidc(let oidc)):
            state.passcodePage = oidc.passcodeEndpoint.absoluteString
            return []

        case (.openInBrowser, .opened):
            state.notice = Notice(kind: .info, message: .say(.passcodePageOpening), hint: .say(.passcodePageOpeningHint))
            return []

        case (.makeQRCode, .qrCode(let lines)):
            state.qrCode = lines
            state.showingQRCode = true
            return []

        case (.readAPIKeyFile, .apiKeyValue(let key)):
            return start(.loginWithAPIKey(key), .loggingInWithKeyFile, in: &state)

        case (.loginWithAPIKey, .token(let token)), (.loginWithPasscode, .token(let token)), (.loginWithPassword, .token(let token)):
            state.passwordForm.fields[1].text = ""
            state.passwordForm.fields[1].cursor = 0
            state.passwordForm.fields[2].text = ""
            state.passwordForm.fields[2].cursor = 0
            state.userToken = token
            state.apiKeyField = TextField(label: .apiKey, isSecret: true, maxLength: APIKeyText.maxLength)
            state.passcodeField = TextField(label: .passcode, isSecret: true, maxLength: 128)
            if let pending = state.resumeAfterLogin, let account = state.account {
                let tokenAccount = token.claims.accountID
                if tokenAccount.isEmpty || tokenAccount == account.id { return resume(pending, with: token, in: &state) }
                if let refresh = token.refreshToken, refresh.exposedValue != "not_supported" {
                    return start(.scopeToAccount(refreshToken: refresh, accountID: account.id), .switchingAccount(name: account.name), in: &state)
                }
                state.userToken = nil
                state.notice = Notice(kind: .error,
                    message: .say(.loginForOtherAccount(tokenAccount: tokenAccount, account: account.name)),
                    hint: .say(.loginForOtherAccountHint(account: account.name)))
                return []
            }
            return start(.listAccounts(token: token), .loadingAccounts, in: &state)

        case (.listAccounts, .accounts(let accounts)):
            return accountsLoaded(accounts, in: &state)

        case (.scopeToAccount(_, let accountID), .token(let token)):
            guard token.claims.accountID.isEmpty || token.claims.accountID == accountID else {
                state.notice = Notice(kind: .error,
                    message: .say(.tokenForOtherAccount(tokenAccount: token.claims.accountID, account: accountID)),
                    hint: .say(.chooseAccountAgainHint))
                return []
            }
            if let pending = state.resumeAfterLogin { return resume(pending, with: token, in: &state) }
            state.userToken = token
            return start(.listInstances(accountID: accountID, token: token), .loadingInstances, in: &state)

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
                    appendNote(.say(.lineRegionChosen(region: row.id)), in: &state)
                    return start(.listResourceGroups(accountID: account.id, token: token), .loadingResourceGroups, in: &state)
                }
                appendNote(.say(.lineRegionUnknown(region: wanted)), in: &state)
            }
            return []

        case (.listResourceGroups, .resourceGroups(let groups)):
            state.resourceGroups = groups
            let region = state.region?.id ?? ""
            let rows = groups.map { group -> PickerRow in
                let count = state.instances.filter { $0.resourceGroupID == group.id && $0.regionID == region }.count
                return PickerRow(id: group.id, title: group.isDefault ? .say(.defaultGroup(name: group.name)) : .verbatim(group.name),
                    detail: .say(.instanceCountHere(count: count, groupID: group.id)), searchText: group.name)
            }
            let counts = Dictionary(grouping: state.instances.filter { $0.regionID == region }, by: \.resourceGroupID).mapValues(\.count)
            let defaultID = groups.first(where: \.isDefault)?.id
            let busiest = groups.max { (counts[$0.id] ?? 0) < (counts[$1.id] ?? 0) }
            let preferred = (defaultID.flatMap { counts[$0] } ?? 0) > 0 || (busiest.flatMap { counts[$0.id] } ?? 0) == 0
                ? defaultID : busiest?.id
            state.resourceGroupPicker = Picker(rows: rows, highlightedID: preferred)
            state.step = .resourceGroup
            if state.autoChoiceNote == nil, groups.count > 1, state.loginTargets?.resourceGroup == nil,
               let chosen = groups.first(where: { $0.id == preferred }) {
                // Say what was preselected and why (the default group, or the one holding instances).
                state.autoChoiceNote = .say(.groupPreselected(group: chosen.name, region: state.region?.name ?? region,
                    isDefault: chosen.isDefault, instances: counts[chosen.id] ?? 0))
            }
            if state.pendingResume != nil, let effects = resumeGroupAndInstance(in: &state) { return effects }
            if let wanted = state.loginTargets?.resourceGroup {
                state.loginTargets?.resourceGroup = nil
                if let group = groups.first(where: { $0.id == wanted }) ?? groups.first(where: { $0.name.lowercased() == wanted.lowercased() }) {
                    appendNote(.say(.lineGroupChosen(group: group.name)), in: &state)
                    let note = state.autoChoiceNote
                    state.autoChoiceNote = nil
                    _ = chooseResourceGroup(group, in: &state)
                    state.autoChoiceNote = Text.joinedNotes([note, state.autoChoiceNote])
                    return []
                }
                appendNote(.say(.lineGroupUnknown(group: wanted)), in: &state)
            }
            if groups.count == 1 {
                let earlier = state.autoChoiceNote  // e.g. a region chosen from -r: not shown yet
                let note = Text.say(.onlyOneResourceGroup(group: groups[0].name))
                state.autoChoiceNote = nil
                _ = chooseResourceGroup(groups[0], in: &state)
                state.autoChoiceNote = Text.joinedNotes([earlier, note, state.autoChoiceNote])
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
                    state.autoChoiceNote = .say(.lostServiceIDFound)
                    return continueCreating(in: &state)
                }
            }
            state.serviceIDsBeforeCreate = Set(found.map(\.id))
            if state.reviewingPlan {
                // A retry of a lost create found nothing new: create it now.
                return start(.createServiceID(name: name, description: state.serviceIDForm[1], accountID: accountID, token: token),
                    .creatingServiceID, in: &state)
            }
            if found.isEmpty {
                state.createsServiceID = true
                state.serviceID = nil
                return enterRoleStep(in: &state)
            }
            state.serviceIDMatches = found
            var rows = found.map {
                PickerRow(id: $0.id, title: .say(.reuseServiceID(name: $0.name)),
                    detail: $0.createdAt.isEmpty ? .verbatim($0.id) : .say(.serviceIDCreatedOn(id: $0.id, date: $0.createdAt)),
                    searchText: $0.name)
            }
            rows.append(PickerRow(id: "", title: .say(.createAnotherServiceID(name: name)), detail: .say(.severalServiceIDsAllowed), searchText: name))
            state.serviceIDChoice = Picker(rows: rows)
            state.notice = Notice(kind: .warning, message: .say(.serviceIDsExist(name: name, count: found.count)), hint: .say(.serviceIDsExistHint))
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
                state.notice = Notice(kind: .info, message: .say(.rolesFallback))
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
            state.notice = Notice(kind: .info, message: .say(.scriptSaved(path: path)), hint: .say(.scriptSavedHint))
            return []

        case (.checkSavePaths, .pathsChecked(let problem)):
            if let problem {
                state.apiKeyForm.focus = problem.field
                if let suggestion = problem.suggestion {
                    state.apiKeyForm.fields[problem.field].text = suggestion
                    state.apiKeyForm.fields[problem.field].cursor = suggestion.count
                }
                state.notice = Notice(kind: .error, message: .say(.pathRefused(path: problem.path, reason: problem.reason)),
                    hint: .say(problem.suggestion == nil ? .changePathHint : .freeNameProposedHint))
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
            return start(.deleteAPIKeys(ids: lost, token: token), .deletingLostAPIKey, in: &state)

        case (.deleteCreated, .deleted):
            let what = Wizard.createdSummary(state)
            if state.serviceIDWasCreated { state.serviceID = nil; state.createsServiceID = true }
            state.serviceIDWasCreated = false
            state.policy = nil
            state.policyInPlace = false
            state.reviewingPlan = false
            state.backOfferPending = false
            state.notice = Notice(kind: .info, message: .say(.deleted(what)), hint: .say(.changeAndShowPlanHint))
            return []

        case (.deleteAPIKeys, .deleted):
            state.autoChoiceNote = .say(.lostAPIKeyReplaced)
            return startCreatingAPIKey(in: &state)

        case (.createAPIKey, .apiKey(let key)):
            state.uncertainCreate = nil
            state.apiKey = key
            // Save before anything else happens: the value can never be read again.
            return start(.saveAPIKey(key, path: state.apiKeyForm[2]), .savingAPIKey, in: &state)

        case (.readSavedAPIKey(let path, _), .apiKey(let key)):
            // Carrying on after the key was saved: that key, never a second one; only a token.
            state.apiKey = key
            state.apiKeySavedPath = path
            state.step = .token
            state.autoChoiceNote = .say(.carriedOnWithSavedKey(path: path))
            return start(.exchangeAPIKey(key.apiKey), .exchangingSavedKey, in: &state)

        case (.saveAPIKey, .saved(let path)):
            state.apiKeySavedPath = path
            state.quitArmed = false
            if state.quitWhenKeySaved {
                state.isFinished = true
                return [.quit]
            }
            guard let key = state.apiKey else { return [] }
            state.step = .token
            return start(.exchangeAPIKey(key.apiKey), .exchangingAPIKey, in: &state)

        case (.exchangeAPIKey, .token(let token)):
            state.token = token
            return start(.saveToken(token, path: state.apiKeyForm[3]), .savingToken, in: &state)

        case (.saveToken, .saved(let path)):
            state.tokenSavedPath = path
            state.step = .done
            return []

        case (.listKeys, .keys(let list)):
            state.keyProtectTest = KeyProtectTest(outcome: .succeeded(keyCount: list.collectionTotal),
                attempts: state.keyProtectTest?.attempts ?? 1, retryAt: nil)
            return []

        default:
            state.notice = Notice(kind: .error, message: .say(.unexpectedAnswer(busyMessage(for: request.call))), hint: .say(.pressEnterToRetry))
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
                .creatingServiceID, in: &state)
        }
        if !state.policyInPlace, let role = state.role {
            return start(.createPolicy(subjectIAMID: serviceID.iamID, roleCRN: role.crn, accountID: account.id,
                scope: .instance(guid: instance.guid), token: token), .grantingRole(role: role.displayName), in: &state)
        }
        if state.serviceIDWasCreated {
            state.apiKeysBeforeCreate = []
            return startCreatingAPIKey(in: &state)
        }
        // A reused service ID may have keys with this name already: note them first.
        state.apiKeysBeforeCreate = nil
        return start(.findAPIKeys(name: state.apiKeyForm[0], serviceIAMID: serviceID.iamID, accountID: account.id, token: token),
            .creatingAPIKey, in: &state)
    }

    static func startCreatingAPIKey(in state: inout WizardState) -> [WizardEffect] {
        guard let account = state.account, let token = state.userToken, let serviceID = state.serviceID else { return [] }
        return start(.createAPIKey(name: state.apiKeyForm[0], description: state.apiKeyForm[1],
            serviceIAMID: serviceID.iamID, accountID: account.id, token: token), .creatingAPIKey, in: &state)
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
            state.autoChoiceNote = .say(.accountOfAPIKey(account: account.name))
            if let wanted = state.loginTargets?.accountID {
                state.loginTargets?.accountID = nil
                if wanted != account.id {
                    appendNote(.say(.lineAccountNotUsed(account: wanted)), in: &state)
                }
            }
            if let resume = state.pendingResume, resume.accountID != account.id {
                abandonResume(.otherAccount(last: resume.accountName, now: account.name), in: &state)
            }
            return start(.listInstances(accountID: account.id, token: token), .loadingInstances, in: &state)
        }
        guard !accounts.isEmpty else {
            state.notice = Notice(kind: .error, message: .say(.noAccounts), hint: .say(.noAccountsHint))
            state.step = .account
            return []
        }
        state.accountPicker = Picker(
            rows: accounts.map { PickerRow(id: $0.id, title: .verbatim($0.name), detail: .verbatim("\($0.id) · \($0.state)"), searchText: $0.name) },
            highlightedID: tokenAccount.isEmpty ? nil : tokenAccount)
        state.step = .account
        state.autoChoiceNote = nil
        if state.pendingResume != nil, let effects = resumeAccount(accounts, in: &state) { return effects }
        if let wanted = state.loginTargets?.accountID {
            state.loginTargets?.accountID = nil
            if let account = accounts.first(where: { $0.id.lowercased() == wanted.lowercased() }) {
                state.autoChoiceNote = .say(.lineAccountChosen(account: account.name))
                return chooseAccount(account, in: &state)
            }
            state.autoChoiceNote = .say(.lineAccountNotVisible(account: wanted))
            if accounts.count > 1 {
                return []
            }
        }
        if accounts.count == 1 {
            appendNote(.say(.onlyOneAccount(account: accounts[0].name)), in: &state)
            return chooseAccount(accounts[0], in: &state)
        }
        return []
    }

    /// Adds a sentence to the note about choices made for the user (shown on the next screen).
    static func appendNote(_ note: Text, in state: inout WizardState) {
        state.autoChoiceNote = Text.joinedNotes([state.autoChoiceNote, note])
    }

    static func chooseAccount(_ account: Account, in state: inout WizardState) -> [WizardEffect] {
        guard let token = state.userToken else { return [] }
        state.account = account
        if let refresh = token.refreshToken, refresh.exposedValue != "not_supported" {
            return start(.scopeToAccount(refreshToken: refresh, accountID: account.id), .switchingAccount(name: account.name), in: &state)
        }
        return start(.listInstances(accountID: account.id, token: token), .loadingInstances, in: &state)
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
            return PickerRow(id: region.id, title: .verbatim("\(region.name) (\(region.id))"), detail: .say(.instanceCount(count)),
                searchText: "\(region.name) \(region.id)")
        }
        return Picker(rows: rows)
    }

    static func enterRoleStep(in state: inout WizardState) -> [WizardEffect] {
        state.step = .role
        guard let account = state.account, let token = state.userToken else { return [] }
        return start(.listRoles(accountID: account.id, token: token), .loadingRoles, in: &state)
    }

    static func rolePicker(for roles: [ServiceRole]) -> Picker {
        let order = ["Manager", "Writer", "Reader"]
        let sorted = roles.enumerated().sorted { a, b in
            let ia = order.firstIndex(of: a.element.displayName) ?? order.count
            let ib = order.firstIndex(of: b.element.displayName) ?? order.count
            return ia != ib ? ia < ib : a.offset < b.offset
        }.map(\.element)
        let rows = sorted.map {
            PickerRow(id: $0.crn, title: .verbatim($0.displayName), detail: .say(.roleSummary(role: $0.displayName, description: $0.description)),
                searchText: $0.displayName)
        }
        let reader = sorted.first { $0.displayName == "Reader" }?.crn
        return Picker(rows: rows, highlightedID: reader)
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
                        state.environment.describe(instance: state.instance?.name ?? ""),
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
