import CloudCore
import Foundation

extension Wizard {
    static func handleKey(_ key: Key, in state: inout WizardState) -> [WizardEffect] {
        if key == .control("c") { return quitRequested(in: &state) }
        if key != .control("c") { state.quitArmed = false }

        // Typing goes on while the passcode page is looked up (nothing is lost after Tab).
        if state.showingQRCode {
            state.showingQRCode = false
            return []
        }
        if state.step == .login, let call = state.inFlight?.call, key != .enter, key != .escape, key != .control("o"),
           call == .discoverOIDC || call == .makeQRCode(text: state.passcodePage ?? "") || call == .openInBrowser(url: state.passcodePage ?? "") {
            _ = state.passcodeField.apply(key)
            return []
        }
        // While a call runs only Esc (cancel) and Ctrl-C count.
        if state.isBusy {
            if key == .escape, canCancel(state) {
                state.inFlight = nil
                state.busyMessage = nil
                state.notice = Notice(kind: .info, message: .say(.cancelled))
            }
            return []
        }

        if state.showingHelp {
            state.showingHelp = false
            return []
        }
        if key == .f1 || (key == .character("?") && helpKeyIsFree(state)) {
            state.showingHelp = true
            return []
        }
        if key == .escape { return back(in: &state) }
        if state.failedRequest == nil, !state.quitArmed, state.notice != nil, isEditing(key) {
            state.notice = nil
        }

        // An error with a pending retry: Enter retries (after the user had a chance to edit).
        switch state.step {
        case .login: return loginKey(key, in: &state)
        case .account:
            return pick(key, \.accountPicker, in: &state) { row, state in
                guard let account = state.accounts.first(where: { $0.id == row.id }) else { return [] }
                state.autoChoiceNote = nil
                return chooseAccount(account, in: &state)
            }
        case .region:
            return pick(key, \.regionPicker, in: &state) { row, state in
                guard let account = state.account, let token = state.userToken else { return [] }
                state.region = KeyProtectRegion.named(row.id)
                state.autoChoiceNote = nil
                return start(.listResourceGroups(accountID: account.id, token: token), .loadingResourceGroups, in: &state)
            }
        case .resourceGroup:
            return pick(key, \.resourceGroupPicker, in: &state) { row, state in
                guard let group = state.resourceGroups.first(where: { $0.id == row.id }) else { return [] }
                state.autoChoiceNote = nil
                return chooseResourceGroup(group, in: &state)
            }
        case .instance:
            return pick(key, \.instancePicker, in: &state) { row, state in
                guard let instance = state.instances.first(where: { $0.guid == row.id }) else { return [] }
                state.autoChoiceNote = nil
                return chooseInstance(instance, in: &state)
            }
        case .serviceID: return serviceIDKey(key, in: &state)
        case .role:
            if state.failedRequest != nil, key == .enter { return retry(in: &state) }
            if key != .enter { state.managerConfirmationPending = false }
            return pick(key, \.rolePicker, in: &state) { row, state in
                guard let role = state.roles.first(where: { $0.crn == row.id }) else { return [] }
                if role.displayName == "Manager", !state.managerConfirmationPending {
                    state.managerConfirmationPending = true
                    state.notice = Notice(kind: .warning, message: .say(.managerWarning), hint: .say(.managerWarningHint))
                    return []
                }
                state.managerConfirmationPending = false
                state.role = role
                state.notice = nil
                return enterAPIKeyStep(in: &state)
            }
        case .apiKey: return apiKeyKey(key, in: &state)
        case .token:
            if key == .enter { return retry(in: &state) }
            return []
        case .done:
            if key == .enter, state.failedRequest != nil { return retry(in: &state) }
            return doneKey(key, in: &state)
        }
    }

    /// The group's instances in the chosen region; one is chosen for the user (and said so).
    static func chooseResourceGroup(_ group: ResourceGroup, in state: inout WizardState) -> [WizardEffect] {
        state.resourceGroup = group
        let region = state.region?.id ?? ""
        let matching = state.instances.filter { $0.resourceGroupID == group.id && $0.regionID == region }
        state.instancePicker = Picker(rows: matching.map {
            PickerRow(id: $0.guid, title: .verbatim($0.name), detail: .verbatim("\($0.guid) · \($0.state)"), searchText: $0.name)
        })
        state.step = .instance
        if matching.isEmpty {
            state.notice = Notice(kind: .warning, message: .say(.noInstanceInGroup(group: group.name, region: state.region?.name ?? region)),
                hint: .say(.noInstanceInGroupHint))
        } else if matching.count == 1 {
            let note = Text.say(.onlyOneInstance(group: group.name, instance: matching[0].name))
            _ = chooseInstance(matching[0], in: &state)
            state.autoChoiceNote = note
        }
        return []
    }

    static func chooseInstance(_ instance: KeyProtectInstance, in state: inout WizardState) -> [WizardEffect] {
        state.instance = instance
        state.step = .serviceID
        if state.serviceIDForm.fields[0].text.isEmpty {
            state.serviceIDForm.fields[0] = TextField(label: .name, text: "token-wizard-\(NameRules.slug(instance.name))", maxLength: 100)
            state.serviceIDForm.fields[1] = TextField(label: .description, text: state.environment.describe(instance: instance.name), maxLength: 250)
        }
        return []
    }

    static func isEditing(_ key: Key) -> Bool {
        switch key {
        case .character, .backspace, .delete, .control("u"): true
        default: false
        }
    }

    /// `?` opens help where it cannot be text: lists with an empty filter, and the final screen.
    static func helpKeyIsFree(_ state: WizardState) -> Bool {
        switch state.step {
        case .account: state.accountPicker.filter.isEmpty
        case .region: state.regionPicker.filter.isEmpty
        case .resourceGroup: state.resourceGroupPicker.filter.isEmpty
        case .instance: state.instancePicker.filter.isEmpty
        case .role: state.rolePicker.filter.isEmpty
        case .serviceID:
            state.serviceIDMatches != nil
                ? state.serviceIDChoice.filter.isEmpty : state.serviceIDForm.fields[state.serviceIDForm.focus].text.isEmpty
        case .done, .token: true
        case .apiKey: state.reviewingPlan || state.apiKeyForm.fields[state.apiKeyForm.focus].text.isEmpty
        case .login:
            switch state.loginMethod {
            case .apiKey: state.apiKeyField.text.isEmpty
            case .passcode: state.passcodeField.text.isEmpty
            case .password: state.passwordForm.fields[state.passwordForm.focus].text.isEmpty
            }
        }
    }

    /// Ctrl-C: quit, except that an unsaved API key needs a second Ctrl-C.
    static func quitRequested(in state: inout WizardState) -> [WizardEffect] {
        if case .createAPIKey = state.inFlight?.call, !state.quitWhenKeySaved {
            state.quitWhenKeySaved = true
            state.busyMessage = .say(.busy(.finishingKeySave))
            return []
        }
        if state.apiKey != nil, state.apiKeySavedPath == nil, !state.quitArmed {
            state.quitArmed = true
            state.notice = Notice(kind: .warning, message: .say(.unsavedKey), hint: .say(.unsavedKeyHint))
            return []
        }
        state.isFinished = true
        return [.quit]
    }

    static func canCancel(_ state: WizardState) -> Bool {
        guard let call = state.inFlight?.call else { return false }
        switch call {
        case .createServiceID, .createPolicy, .createAPIKey, .deleteAPIKeys, .deleteCreated, .saveAPIKey, .saveToken, .exchangeAPIKey: return false
        default: return true
        }
    }

    /// Esc: go back one step, as long as nothing created would be left behind.
    static func back(in state: inout WizardState) -> [WizardEffect] {
        state.automaticRetryAt = nil
        if state.backOfferPending {
            // Esc again: keep what exists and go back; a created service ID is reused from now on.
            state.backOfferPending = false
            if state.serviceIDWasCreated { state.serviceIDWasCreated = false; state.createsServiceID = false }
            state.reviewingPlan = false
            state.failedRequest = nil
            state.notice = Notice(kind: .info, message: .say(.keptServiceID(name: state.serviceID?.name ?? "?", withPolicy: state.policyInPlace)),
                hint: .say(.changeAndShowPlanHint))
            return []
        }
        if let notice = state.notice, notice.kind != .info, state.failedRequest == nil, state.step != .instance {
            state.notice = nil
            return []
        }
        state.notice = nil
        state.failedRequest = nil
        switch state.step {
        case .login:
            if state.loginMethod == .passcode { state.loginMethod = .apiKey }
        case .account:
            state.step = .login
            state.userToken = nil
            state.account = nil
        case .region:
            state.region = nil
            if state.loginMethod == .apiKey || state.accounts.count <= 1 {
                state.step = .login
                state.userToken = nil
                state.account = nil
                state.autoChoiceNote = nil
            } else {
                state.step = .account
            }
        case .resourceGroup:
            state.step = .region
            state.resourceGroup = nil
        case .instance:
            state.step = .resourceGroup
            state.instance = nil
            state.autoChoiceNote = nil
        case .serviceID:
            if state.serviceIDMatches != nil {
                state.serviceIDMatches = nil
            } else {
                state.step = .instance
                state.autoChoiceNote = nil
            }
        case .apiKey where state.reviewingPlan && !state.hasCreatedResources:
            state.reviewingPlan = false
        case .apiKey where state.reviewingPlan && state.apiKey == nil:
            state.backOfferPending = true
            state.notice = Notice(kind: .warning, message: .say(.createdSoFar(createdSummary(state))), hint: .say(.createdSoFarHint))
        case .role, .apiKey:
            if state.hasCreatedResources {
                state.notice = Notice(kind: .warning, message: .say(.cannotGoBack(createdSummary(state))), hint: .say(.cannotGoBackHint))
            } else if state.step == .apiKey {
                state.step = .role
            } else {
                state.step = .serviceID
                state.serviceID = nil
                state.createsServiceID = false
            }
        case .token, .done:
            break
        }
        return []
    }

    static func createdSummary(_ state: WizardState) -> [CreatedThing] {
        var parts: [CreatedThing] = []
        if state.serviceIDWasCreated, let id = state.serviceID { parts.append(.serviceID(name: id.name)) }
        if state.policy != nil { parts.append(.accessPolicy) }
        if state.apiKey != nil { parts.append(.apiKey(name: nil)) }
        return parts
    }

    /// Shared list handling: navigation and filtering, Enter chooses the highlighted row.
    static func pick(_ key: Key, _ picker: WritableKeyPath<WizardState, Picker>, in state: inout WizardState,
                     choose: (PickerRow, inout WizardState) -> [WizardEffect]) -> [WizardEffect] {
        if key == .enter {
            if state.failedRequest != nil { return retry(in: &state) }
            guard let row = state[keyPath: picker].selection else {
                state.notice = state[keyPath: picker].rows.isEmpty
                    ? Notice(kind: .warning, message: .say(.nothingToChoose), hint: .say(.nothingToChooseHint))
                    : Notice(kind: .warning, message: .say(.nothingMatches(filter: state[keyPath: picker].filter)), hint: .say(.nothingMatchesHint))
                return []
            }
            return choose(row, &state)
        }
        _ = state[keyPath: picker].apply(key)
        return []
    }

    /// A paste goes into the focused field whole, or not at all: one too long for the field is
    /// refused with a notice saying how long it was (a key cut short would fail without a reason).
    static func insertIntoFocusedField(_ text: String, in state: inout WizardState) {
        let refusal: TextField.PasteRefusal?
        switch state.step {
        case .login:
            switch state.loginMethod {
            case .apiKey where state.apiKeyFieldIsFromEnvironment:
                // A paste replaces the key prefilled from IBMCLOUD_API_KEY (appended to it, it
                // would make a key that can only fail, in a field nobody can read).
                var fresh = state.apiKeyField
                fresh.text = ""
                fresh.cursor = 0
                refusal = fresh.paste(text)
                if refusal == nil { state.apiKeyField = fresh }
            case .apiKey: refusal = state.apiKeyField.paste(text)
            case .passcode: refusal = state.passcodeField.paste(text)
            case .password: refusal = state.passwordForm.fields[state.passwordForm.focus].paste(text)
            }
        case .serviceID where state.serviceIDMatches == nil:
            refusal = state.serviceIDForm.fields[state.serviceIDForm.focus].paste(text)
        case .apiKey:
            refusal = state.apiKeyForm.fields[state.apiKeyForm.focus].paste(text)
        default:
            refusal = nil
        }
        if let refusal {
            state.notice = Notice(kind: .error, message: .say(refusal.phrase), hint: .say(.pasteTooLongHint))
        } else if state.failedRequest == nil, state.notice?.kind == .error, !text.isEmpty {
            state.notice = nil
        }
    }

    // MARK: Log in

    static func loginKey(_ key: Key, in state: inout WizardState) -> [WizardEffect] {
        switch key {
        case .control("o") where state.loginMethod == .passcode:
            return openPasscodePage(in: &state)
        case .control("n") where state.pendingResume != nil:
            state.pendingResume = nil
            state.notice = Notice(kind: .info, message: .say(.startingAfresh))
            return []
        case .up where state.loginMethod == .password, .down where state.loginMethod == .password:
            let count = state.needsSecurityCode ? 3 : 2
            state.passwordForm.focus = (state.passwordForm.focus + (key == .down ? 1 : count - 1)) % count
            return []
        case .tab where state.loginMethod == .password && state.passwordForm.focus < (state.needsSecurityCode ? 2 : 1):
            // Tab moves through the IBMid, password (and code) fields, then on to the next tab.
            state.passwordForm.focus += 1
            return []
        case .backTab where state.loginMethod == .password && state.passwordForm.focus > 0:
            state.passwordForm.focus -= 1
            return []
        case .enter where state.loginMethod == .password:
            return passwordLoginEnter(in: &state)
        case .tab, .backTab, .up, .down:
            let order: [LoginMethod] = [.apiKey, .passcode, .password]
            let index = order.firstIndex(of: state.loginMethod) ?? 0
            state.loginMethod = order[(index + (key == .backTab || key == .up ? order.count - 1 : 1)) % order.count]
            state.notice = nil
            state.failedRequest = nil
            if state.loginMethod == .passcode, state.passcodePage == nil {
                return start(.discoverOIDC, .findingPasscodePage, in: &state)
            }
            return []
        case .enter:
            // A failed lookup after login (discovery, accounts, instances) is retried as it was;
            // only a failed login itself is sent again from the (possibly edited) field.
            if let failed = state.failedRequest {
                switch failed.call {
                case .loginWithAPIKey, .loginWithPasscode, .readAPIKeyFile: break
                default: return retry(in: &state)
                }
            }
            state.failedRequest = nil
            let field = state.loginMethod == .apiKey ? state.apiKeyField : state.passcodeField
            state.loginTargets = LoginInput.targets(field.text)
            switch LoginInput.recognize(field.text) {
            case .empty:
                state.notice = state.loginMethod == .apiKey
                    ? Notice(kind: .error, message: .say(.enterAPIKeyFirst), hint: .say(.enterAPIKeyFirstHint))
                    : Notice(kind: .error, message: .say(.enterPasscodeFirst), hint: .say(.enterPasscodeFirstHint))
                return []
            case .unusable(let reason):
                state.notice = Notice(kind: .error, message: .say(reason), hint: .say(.fixItAndPressEnter))
                return []
            case .apiKey(let key):
                state.loginMethod = .apiKey
                return start(.loginWithAPIKey(Secret(key)), .loggingInWithAPIKey, in: &state)
            case .passcode(let code):
                state.loginMethod = .passcode
                return start(.loginWithPasscode(Secret(code)), .loggingInWithPasscode, in: &state)
            case .apiKeyFile(let path):
                state.loginMethod = .apiKey
                return start(.readAPIKeyFile(path: path), .readingKeyFile, in: &state)
            }
        default:
            switch state.loginMethod {
            case .apiKey: _ = state.apiKeyField.apply(key)
            case .passcode: _ = state.passcodeField.apply(key)
            case .password:
                let before = state.passwordForm.fields[0].text
                _ = state.passwordForm.fields[state.passwordForm.focus].apply(key)
                if state.passwordForm.fields[0].text != before, state.needsSecurityCode {
                    // Another IBMid: whether it needs a second factor is not known yet.
                    state.needsSecurityCode = false
                    state.passwordForm.fields[2] = TextField(label: .securityCode, isSecret: true, maxLength: 16)
                }
            }
            return []
        }
    }

    /// Enter on the IBMid password tab: next field, then log in.
    static func passwordLoginEnter(in state: inout WizardState) -> [WizardEffect] {
        state.failedRequest = nil
        let form = state.passwordForm
        if form.focus == 0 && form[0].isEmpty || form.focus == 0 && form[1].isEmpty {
            if form[0].isEmpty {
                state.notice = Notice(kind: .error, message: .say(.enterIBMidFirst))
                return []
            }
            state.passwordForm.focus = 1
            return []
        }
        if form[1].isEmpty {
            state.passwordForm.focus = 1
            state.notice = Notice(kind: .error, message: .say(.enterPassword))
            return []
        }
        if state.needsSecurityCode && form[2].isEmpty {
            state.passwordForm.focus = 2
            state.notice = Notice(kind: .error, message: .say(.enterSecurityCode))
            return []
        }
        let code = state.needsSecurityCode ? Secret(form[2]) : nil
        return start(.loginWithPassword(username: form[0], password: Secret(form.fields[1].text), securityCode: code),
            .loggingInWithIBMid, in: &state)
    }

    /// Ctrl-O on the passcode tab: open the page in a browser where one can open here; elsewhere
    /// (SSH, a console) show it as a QR code to scan with a phone.
    static func openPasscodePage(in state: inout WizardState) -> [WizardEffect] {
        guard let page = state.passcodePage else { return [] }
        if state.environment.browser == .local {
            return start(.openInBrowser(url: page), .openingBrowser, in: &state)
        }
        if state.qrCode != nil {
            state.showingQRCode = true
            return []
        }
        return start(.makeQRCode(text: page), .drawingQRCode, in: &state)
    }

    // MARK: Service ID

    static func serviceIDKey(_ key: Key, in state: inout WizardState) -> [WizardEffect] {
        guard let account = state.account, let token = state.userToken else { return [] }
        if key == .control("o"), state.serviceIDMatches == nil {
            return useOwnToken(token, in: &state)
        }
        if state.serviceIDMatches != nil {
            return pick(key, \.serviceIDChoice, in: &state) { row, state in
                let existing = state.serviceIDMatches?.first(where: { $0.id == row.id })
                state.serviceIDMatches = nil
                state.notice = nil
                if let existing {
                    state.serviceID = existing
                    state.serviceIDWasCreated = false
                    state.createsServiceID = false
                } else {
                    state.serviceID = nil
                    state.createsServiceID = true
                }
                return enterRoleStep(in: &state)
            }
        }
        switch key {
        case .tab, .down:
            state.serviceIDForm.focus = (state.serviceIDForm.focus + 1) % state.serviceIDForm.fields.count
        case .backTab, .up:
            state.serviceIDForm.focus = (state.serviceIDForm.focus + state.serviceIDForm.fields.count - 1) % state.serviceIDForm.fields.count
        case .enter:
            if state.failedRequest != nil { return retry(in: &state) }
            if !state.serviceIDForm.isOnLastField {
                state.serviceIDForm.focus += 1
                return []
            }
            if let problem = NameRules.problem(withName: state.serviceIDForm[0], what: .serviceID) {
                state.notice = Notice(kind: .error, message: .say(problem), hint: .say(.fixNameHint))
                state.serviceIDForm.focus = 0
                return []
            }
            state.autoChoiceNote = nil
            return start(.findServiceIDs(name: state.serviceIDForm[0], accountID: account.id, token: token),
                .lookingForServiceIDs(name: state.serviceIDForm[0]), in: &state)
        default:
            _ = state.serviceIDForm.fields[state.serviceIDForm.focus].apply(key)
        }
        return []
    }

    /// "Just my own token": the user's account-scoped token, saved like the service ID's would be
    /// (without the refresh token), and the final screen. Nothing is created in the account.
    static func useOwnToken(_ token: IAMToken, in state: inout WizardState) -> [WizardEffect] {
        state.usingOwnToken = true
        state.token = token
        let dir = state.environment.workingDirectory
        let path = dir.hasSuffix("/") ? dir + "token.json" : dir + "/token.json"
        state.apiKeyForm.fields[3].text = path
        return start(.saveToken(withoutRefreshToken(token), path: path), .savingOwnToken, in: &state)
    }

    /// The token with `refresh_token` removed from the response that is saved: a user's refresh
    /// token lasts days and is not needed to use the access token.
    static func withoutRefreshToken(_ token: IAMToken) -> IAMToken {
        var copy = token
        copy.refreshToken = nil
        if let data = token.rawResponse.exposedValue.data(using: .utf8),
           var object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            object.removeValue(forKey: "refresh_token")
            object.removeValue(forKey: "refresh_token_expiration")
            if let cleaned = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
                copy.rawResponse = Secret(String(decoding: cleaned, as: UTF8.self))
            }
        }
        return copy
    }

    // MARK: API key

    static func apiKeyKey(_ key: Key, in state: inout WizardState) -> [WizardEffect] {
        if state.reviewingPlan { return planKey(key, in: &state) }
        if state.apiKey != nil, [.tab, .down, .backTab, .up].contains(key) {
            // Once the key exists only the two paths can change.
            state.apiKeyForm.focus = state.apiKeyForm.focus == 2 ? 3 : 2
            return []
        }
        switch key {
        case .tab, .down:
            state.apiKeyForm.focus = (state.apiKeyForm.focus + 1) % state.apiKeyForm.fields.count
        case .backTab, .up:
            state.apiKeyForm.focus = (state.apiKeyForm.focus + state.apiKeyForm.fields.count - 1) % state.apiKeyForm.fields.count
        case .enter:
            // A failed save: save again to the (possibly edited) path.
            if let failed = state.failedRequest {
                if samePath(state.apiKeyForm[2], state.apiKeyForm[3]) {
                    state.notice = Notice(kind: .error, message: .say(.sameFileForKeyAndToken), hint: .say(.sameFileForKeyAndTokenHint))
                    return []
                }
                state.failedRequest = nil
                switch failed.call {
                case .saveAPIKey(let key, _):
                    return start(.saveAPIKey(key, path: state.apiKeyForm[2]), .savingAPIKey, in: &state)
                case .saveToken(let token, _):
                    return start(.saveToken(token, path: state.apiKeyForm[3]), .savingToken, in: &state)
                default:
                    state.failedRequest = failed
                    return retry(in: &state)
                }
            }
            if state.apiKey != nil { return [] }
            if !state.apiKeyForm.isOnLastField {
                state.apiKeyForm.focus += 1
                return []
            }
            if let problem = NameRules.problem(withName: state.apiKeyForm[0], what: .apiKey) {
                state.notice = Notice(kind: .error, message: .say(problem), hint: .say(.fixNameHint))
                state.apiKeyForm.focus = 0
                return []
            }
            for (index, what) in [(2, SavedFile.apiKey), (3, SavedFile.token)] where state.apiKeyForm[index].isEmpty {
                state.notice = Notice(kind: .error, message: .say(.givePath(what)), hint: .say(.typePathHint))
                state.apiKeyForm.focus = index
                return []
            }
            if samePath(state.apiKeyForm[2], state.apiKeyForm[3]) {
                state.notice = Notice(kind: .error, message: .say(.sameFileForKeyAndToken), hint: .say(.changeOnePath))
                state.apiKeyForm.focus = 3
                return []
            }
            return start(.checkSavePaths(keyPath: state.apiKeyForm[2], tokenPath: state.apiKeyForm[3]),
                .checkingSavePaths, in: &state)
        default:
            let focus = state.apiKeyForm.focus
            // Once the key exists only the paths can change.
            if state.apiKey != nil && focus < 2 { return [] }
            _ = state.apiKeyForm.fields[focus].apply(key)
        }
        return []
    }

    // MARK: Plan

    /// The plan: Enter creates everything (or retries what failed), `s` saves the equivalent
    /// commands as a script. Esc (in `back`) returns to the form while nothing exists yet.
    static func planKey(_ key: Key, in state: inout WizardState) -> [WizardEffect] {
        if key != .character("d") { state.backOfferPending = false }
        switch key {
        case .character("d") where state.backOfferPending:
            state.backOfferPending = false
            guard let token = state.userToken else { return [] }
            return start(.deleteCreated(serviceID: state.serviceIDWasCreated ? state.serviceID?.id : nil,
                policyID: state.serviceIDWasCreated ? nil : state.policy?.id, apiKeyIDs: [], token: token),
                .deletingCreated, in: &state)
        case .enter:
            if state.failedRequest != nil { return retry(in: &state) }
            if state.apiKey != nil { return [] }
            state.notice = nil
            return continueCreating(in: &state)
        case .character("s"):
            let dir = state.environment.workingDirectory
            let name = "\(NameRules.slug(state.serviceID?.name ?? state.serviceIDForm[0]))-commands.sh"
            let path = state.planScriptPath ?? (dir.hasSuffix("/") ? dir + name : dir + "/" + name)
            let contents = PlanScript.script(for: state)
            if state.planScriptPath != nil, contents == state.planScriptContents {
                state.notice = Notice(kind: .info, message: .say(.scriptAlreadySaved(path: path)), hint: .say(.enterCreatesEscGoesBack))
                return []
            }
            state.planScriptContents = contents
            return start(.saveScript(contents: contents, path: path, replacing: state.planScriptPath != nil), .savingScript, in: &state)
        default:
            return []
        }
    }

    /// True when two paths name the same file, as far as can be told without the file system.
    static func samePath(_ a: String, _ b: String) -> Bool {
        func normalized(_ p: String) -> String {
            URL(fileURLWithPath: (p as NSString).expandingTildeInPath).standardizedFileURL.path
        }
        return normalized(a) == normalized(b)
    }

    // MARK: Final screen

    /// `curl` for Key Protect list keys with the token, the regional endpoint and `bluemix-instance`.
    static func listKeysCurl(_ state: WizardState) -> Secret? {
        guard let token = state.token, let instance = state.instance else { return nil }
        let base = state.environment.keyProtectTemplate.replacingOccurrences(of: "{region}", with: instance.regionID)
        return Secret("curl -s \(base)/api/v2/keys -H 'authorization: \(token.authorizationValue.exposedValue)'"
            + " -H 'bluemix-instance: \(instance.guid)' -H 'accept: application/vnd.ibm.collection+json'")
    }

    static func doneKey(_ key: Key, in state: inout WizardState) -> [WizardEffect] {
        guard let token = state.token else { return [] }
        switch key {
        case .character("c"):
            state.clipboardStatus = .say(.copying(.bearer))
            return [.copyToClipboard(token.authorizationValue)]
        case .character("t"):
            state.clipboardStatus = .say(.copying(.bareToken))
            return [.copyToClipboard(token.accessToken)]
        case .character("h"):
            state.clipboardStatus = .say(.copying(.headerLine))
            return [.copyToClipboard(Secret("Authorization: \(token.authorizationValue.exposedValue)"))]
        case .character("u"):
            guard let curl = listKeysCurl(state) else { return [] }
            state.clipboardStatus = .say(.copying(.curlLine))
            return [.copyToClipboard(curl)]
        case .character("v"):
            state.tokenRevealed.toggle()
            return []
        case .character("x") where state.clipboardStatus != nil:
            return clearClipboard(in: &state)
        case .character("z") where state.clipboardClearAt != nil:
            state.clipboardClearAt = nil
            state.clipboardStatus = .say(.clipboardKept)
            return []
        case .character("k"):
            state.keyProtectTest = nil
            state.clipboardStatus = nil
            return startKeyProtectTest(in: &state)
        case .character("r"):
            guard let key = state.apiKey else { return [] }
            state.keyProtectTest = nil
            state.clipboardStatus = nil
            return start(.exchangeAPIKey(key.apiKey), .refreshingToken, in: &state)
        case .character("q"), .enter:
            state.isFinished = true
            return [.quit]
        default:
            return []
        }
    }
}
