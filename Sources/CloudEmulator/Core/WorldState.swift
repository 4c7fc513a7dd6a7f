import Foundation

/// Who a token or API key stands for.
enum Principal: Sendable {
    case user(EmulatorWorld.User)
    case serviceID(EmulatorWorld.ServiceID)

    var iamID: String {
        switch self {
        case .user(let user): user.iamID
        case .serviceID(let serviceID): serviceID.iamID
        }
    }
}

/// A one-time passcode handed out by `GET /identity/passcode`.
struct PasscodeRecord: Sendable {
    let userIAMID: String
    let expiresAt: Date
}

/// What a refresh token stands for.
struct RefreshRecord: Sendable {
    let iamID: String
    let accountID: String
    let clientID: String
    let sessionID: String?
    let expiresAt: Date
}

/// The mutable state of a running emulator: the world plus login state. Guarded by `Locked`.
struct WorldState: Sendable {
    var world: EmulatorWorld
    var passcodes: [String: PasscodeRecord] = [:]
    var refreshTokens: [String: RefreshRecord] = [:]

    init(world: EmulatorWorld) { self.world = world }

    // MARK: Lookups

    func user(iamID: String) -> EmulatorWorld.User? { world.users.first { $0.iamID == iamID } }
    func user(email: String) -> EmulatorWorld.User? {
        world.users.first { $0.email.lowercased() == email.lowercased() }
    }
    func account(id: String) -> EmulatorWorld.Account? { world.accounts.first { $0.id == id } }
    func serviceID(id: String) -> EmulatorWorld.ServiceID? { world.serviceIDs.first { $0.id == id } }
    func instance(guid: String) -> EmulatorWorld.ServiceInstance? { world.instances.first { $0.guid == guid } }
    func resourceGroup(id: String) -> EmulatorWorld.ResourceGroup? { world.resourceGroups.first { $0.id == id } }

    func principal(iamID: String) -> Principal? {
        if let user = user(iamID: iamID) { return .user(user) }
        if let serviceID = world.serviceIDs.first(where: { $0.iamID == iamID }) { return .serviceID(serviceID) }
        return nil
    }

    /// Whether `iamID` is a member of `accountID` (users by membership, service IDs by home account).
    func isMember(_ iamID: String, of accountID: String) -> Bool {
        switch principal(iamID: iamID) {
        case .user(let user): user.accountIDs.contains(accountID)
        case .serviceID(let serviceID): serviceID.accountID == accountID
        case nil: false
        }
    }

    // MARK: Access decisions

    /// Whether a policy's resource attributes cover a target described by attributes.
    /// Every attribute the policy names must equal the target's; `serviceType=service` covers every
    /// IAM-enabled service.
    static func policyCovers(_ resource: [String: String], _ target: [String: String]) -> Bool {
        for (name, value) in resource {
            if name == "serviceType" && value == "service" && target["serviceName"] != nil { continue }
            guard target[name] == value else { return false }
        }
        return true
    }

    /// Whether `iamID` may assign access to `serviceName` in `accountID`: the account owner, or an
    /// Administrator policy covering the service.
    func isAdministrator(_ iamID: String, accountID: String, serviceName: String?) -> Bool {
        if account(id: accountID)?.ownerIAMID == iamID { return true }
        var target = ["accountId": accountID]
        if let serviceName { target["serviceName"] = serviceName }
        return world.policies.contains { policy in
            policy.accountID == accountID && policy.subjectIAMID == iamID
                && policy.roleCRNs.contains(RoleCatalog.administratorCRN) && Self.policyCovers(policy.resource, target)
        }
    }

    /// Whether `iamID` holds a role granting `action` on a Key Protect instance. Policies created
    /// less than `propagationDelay` seconds before `now` are not yet in effect.
    func isAllowed(
        _ iamID: String, action: String, on instance: EmulatorWorld.ServiceInstance, now: Date,
        propagationDelay: TimeInterval
    ) -> Bool {
        let target = [
            "accountId": instance.accountID, "serviceName": instance.serviceName, "serviceInstance": instance.guid,
            "resourceGroupId": instance.resourceGroupID, "region": instance.regionID,
        ]
        return world.policies.contains { policy in
            policy.accountID == instance.accountID && policy.subjectIAMID == iamID
                && policy.createdAt.addingTimeInterval(propagationDelay) <= now
                && policy.roleCRNs.contains { RoleCatalog.grants($0, action: action) }
                && Self.policyCovers(policy.resource, target)
        }
    }
}
