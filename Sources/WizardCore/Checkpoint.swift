import CloudCore

/// What a run has chosen and finished, without any secret: written (mode 0600) after each step so
/// that the next start can offer to carry on, re-authenticate, and skip what is done. IDs and names
/// only; no key, token, passcode or password ever goes in.
public struct Checkpoint: Codable, Sendable, Hashable {
    /// A service ID that exists in the account (created by the earlier run, or chosen for reuse).
    public struct ServiceIDRef: Codable, Sendable, Hashable {
        public var id: String
        public var iamID: String
        public var name: String
    }

    /// Bumped when the shape changes; an unknown version is ignored.
    public var version = 1
    /// The IAM base URL of the run (so a sandbox checkpoint is never offered against IBM Cloud).
    public var iam: String
    public var accountID: String
    public var accountName: String
    public var regionID: String?
    public var resourceGroupID: String?
    public var instanceGUID: String?
    public var instanceName: String?
    public var serviceIDName: String?
    public var serviceIDDescription: String?
    public var serviceID: ServiceIDRef?
    /// True when the plan creates a new service ID (named `serviceIDName`).
    public var createsServiceID = false
    public var roleCRN: String?
    public var roleName: String?
    /// True once the service ID holds the role on the instance.
    public var policyInPlace = false
    public var apiKeyName: String?
    public var apiKeyDescription: String?
    public var keyPath: String?
    public var tokenPath: String?
    /// Where this run saved the API key it created (absolute path; the key itself is never here).
    /// Set once the key is saved: a run that stops before the token (e.g. the exchange failed)
    /// carries on with this key instead of creating another.
    public var savedKeyPath: String?
    /// The furthest step reached (`Step` raw value).
    public var step: Int

    /// The checkpoint for `state`, or nil before an account is chosen, when the user's own token is
    /// used, or once the token is saved (then there is nothing left to carry on). On the token step
    /// it is kept only while the saved key waits for its token. Nil also while an earlier run's
    /// checkpoint is being carried on (that file is kept as it is until the carrying on is done).
    public init?(_ state: WizardState, iam: String) {
        guard let account = state.account, state.step > .account, !state.usingOwnToken,
              state.step < .token || (state.step == .token && state.apiKeySavedPath != nil && state.tokenSavedPath == nil)
        else { return nil }
        // While an earlier run's checkpoint is still being applied (or its saved key read back),
        // the file on disk says more than this state: keep it rather than overwrite it.
        guard state.pendingResume == nil else { return nil }
        if case .readSavedAPIKey = state.inFlight?.call { return nil }
        self.iam = iam
        accountID = account.id
        accountName = account.name
        regionID = state.region?.id
        resourceGroupID = state.resourceGroup?.id
        instanceGUID = state.instance?.guid
        instanceName = state.instance?.name
        if state.step >= .serviceID {
            serviceIDName = state.serviceIDForm[0]
            serviceIDDescription = state.serviceIDForm[1]
        }
        serviceID = state.serviceID.map { ServiceIDRef(id: $0.id, iamID: $0.iamID, name: $0.name) }
        createsServiceID = state.createsServiceID
        roleCRN = state.role?.crn
        roleName = state.role?.displayName
        policyInPlace = state.policyInPlace
        if state.step >= .apiKey {
            apiKeyName = state.apiKeyForm[0]
            apiKeyDescription = state.apiKeyForm[1]
            keyPath = state.apiKeyForm[2]
            tokenPath = state.apiKeyForm[3]
        }
        savedKeyPath = state.apiKeySavedPath
        step = state.step.rawValue
    }

    /// What the last run chose, for the login screen and the carried-on note (the front end words it,
    /// e.g. `Sandbox Development · us-south · kp-dallas · service ID x · Reader`).
    public var summary: ResumeSummary {
        ResumeSummary(account: accountName, region: regionID, instance: instanceName,
            serviceID: serviceID?.name ?? serviceIDName, role: roleName, keySaved: savedKeyPath != nil)
    }
}
