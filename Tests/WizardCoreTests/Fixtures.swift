import CloudCore
import WizardCore

enum Fixtures {
    static let accountA = Account(id: "aaaa0000aaaa0000aaaa0000aaaa0000", name: "Dev account")
    static let accountB = Account(id: "bbbb0000bbbb0000bbbb0000bbbb0000", name: "Prod account")

    static func token(account: String, iamID: String = "IBMid-100", refresh: String? = "refresh-1", subType: String = "") -> IAMToken {
        IAMToken(
            accessToken: Secret("access-\(account)-\(iamID)"), refreshToken: refresh.map(Secret.init), tokenType: "Bearer",
            expiresIn: 3600, expiration: 1_800_003_600,
            claims: TokenClaims(iamID: iamID, subject: iamID, subjectType: subType, accountID: account,
                issuedAt: 1_800_000_000, expiresAt: 1_800_003_600),
            rawResponse: Secret("{\"access_token\":\"access\"}"))
    }

    static let groupDefault = ResourceGroup(id: "rg-default", name: "Default", isDefault: true)
    static let groupSecurity = ResourceGroup(id: "rg-security", name: "security")
    static let instanceDallas = KeyProtectInstance(guid: "1111-dallas", crn: "crn:v1:bluemix:public:kms:us-south:a/aaaa::1111-dallas::",
        name: "kp-dallas", regionID: "us-south", resourceGroupID: "rg-default")
    static let instanceFrankfurt = KeyProtectInstance(guid: "2222-frankfurt", crn: "crn:v1:bluemix:public:kms:eu-de:a/aaaa::2222-frankfurt::",
        name: "kp-frankfurt", regionID: "eu-de", resourceGroupID: "rg-security")
    static let instanceDallas2 = KeyProtectInstance(guid: "3333-dallas", crn: "crn:v1:bluemix:public:kms:us-south:a/aaaa::3333-dallas::",
        name: "kp-dallas-2", regionID: "us-south", resourceGroupID: "rg-default")

    static let roles = [
        ServiceRole(displayName: "Reader", description: "r", crn: "crn:v1:bluemix:public:iam::::serviceRole:Reader"),
        ServiceRole(displayName: "Manager", description: "m", crn: "crn:v1:bluemix:public:iam::::serviceRole:Manager"),
        ServiceRole(displayName: "Writer", description: "w", crn: "crn:v1:bluemix:public:iam::::serviceRole:Writer"),
        ServiceRole(displayName: "ReaderPlus", description: "rp", crn: "crn:v1:bluemix:public:kms::::serviceRole:ReaderPlus"),
    ]

    static let serviceID = ServiceID(id: "ServiceId-9", iamID: "iam-ServiceId-9", name: "token-wizard-kp-dallas")

    static let apiKey = ServiceAPIKey(id: "ApiKey-7", name: "token-wizard-kp-dallas-key", description: "d",
        apiKey: Secret("new-service-key-value"), iamID: "iam-ServiceId-9", accountID: accountA.id, createdAt: "2026-11-29T10:00+0000")
}

/// Drives the state machine like the runtime does, and checks every effect is answered.
struct WizardTester {
    var state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u"))
    var effects: [WizardEffect] = []

    mutating func send(_ event: WizardEvent) -> [WizardEffect] {
        effects = Wizard.handle(event, in: &state)
        return effects
    }

    mutating func press(_ keys: Key...) { for key in keys { _ = send(.keyPressed(key)) } }

    mutating func type(_ text: String) { for c in text { _ = send(.keyPressed(.character(c))) } }

    /// The single request the last event started.
    var request: Request? {
        guard effects.count == 1, case .perform(let request) = effects[0] else { return nil }
        return request
    }

    /// Answers the request in flight with `output`.
    mutating func answer(_ output: CallOutput) -> [WizardEffect] {
        guard let id = state.inFlight?.id else { return [] }
        return send(.responded(id, .success(output)))
    }

    mutating func fail(_ failure: CallFailure) -> [WizardEffect] {
        guard let id = state.inFlight?.id else { return [] }
        return send(.responded(id, .failure(failure)))
    }
}

extension WizardTester {
    /// API key login into account A, Dallas, Default group, kp-dallas: on the service ID form.
    static func atServiceID() -> WizardTester {
        var t = WizardTester()
        t.type("test-api-key-0123456789")
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id)))
        _ = t.answer(.accounts([Fixtures.accountA]))
        _ = t.answer(.instances([Fixtures.instanceDallas]))
        t.press(.enter)
        // One group, and one instance in it here: both are chosen for the user.
        _ = t.answer(.resourceGroups([Fixtures.groupDefault]))
        return t
    }

    /// …then a new service ID planned (none with the name exists) and the roles: on the role list.
    static func atRole() -> WizardTester {
        var t = atServiceID()
        t.press(.enter, .enter)
        _ = t.answer(.serviceIDs([]))
        _ = t.answer(.roles(Fixtures.roles))
        return t
    }

    /// …then Reader chosen: on the API key form (nothing created yet).
    static func atAPIKey() -> WizardTester {
        var t = atRole()
        t.press(.enter)
        return t
    }

    /// …then the form accepted and the paths checked: on the plan, nothing created yet.
    static func atPlan() -> WizardTester {
        var t = atAPIKey()
        t.press(.enter, .enter, .enter, .enter)
        _ = t.answer(.pathsChecked(problem: nil))
        return t
    }

    /// …then the plan confirmed: service ID and policy created; the API key create in flight.
    static func creatingAPIKey() -> WizardTester {
        var t = atPlan()
        t.press(.enter)
        _ = t.answer(.serviceID(Fixtures.serviceID))
        _ = t.answer(.policy(AccessPolicy(id: "p", roleIDs: [], subjectIAMID: "iam-ServiceId-9")))
        return t
    }

    /// …then key created, saved, exchanged and the token saved: on the final screen.
    static func atDone() -> WizardTester {
        var t = creatingAPIKey()
        _ = t.answer(.apiKey(Fixtures.apiKey))
        _ = t.answer(.saved(path: "/home/u/k.json"))
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id, iamID: "iam-ServiceId-9", refresh: nil)))
        _ = t.answer(.saved(path: "/home/u/token.json"))
        return t
    }
}
