import Foundation

extension EmulatorWorld {
    /// E-mail (login name) of the default user, the one the passcode page serves by default.
    public static let sandboxUserEmail = "sandbox.user@example.com"
    /// IAM ID of the default user.
    public static let sandboxUserIAMID = "IBMid-6650000SBX"
    /// The default user's API key. A token from it is scoped to the first account ("Sandbox Development").
    public static let sandboxUserAPIKey = "sandbox-user-apikey-0000000000000000000000000001"
    /// The default user's password, for the `password` grant.
    public static let sandboxUserPassword = "sandbox-password"
    /// E-mail of a second user who owns "Other Company", an account the sandbox user is not a member of.
    public static let otherUserEmail = "other.user@example.com"
    /// A user whose password login needs a second factor (TOTP); the accepted code is `mfaUserCode`.
    public static let mfaUserEmail = "mfa.user@example.com"
    /// The MFA user's password.
    public static let mfaUserPassword = "mfa-password"
    /// The one TOTP code the emulator accepts for the MFA user.
    public static let mfaUserCode = "123456"
    /// A federated user: the password grant refuses them (SSO or an API key instead).
    public static let federatedUserEmail = "federated.user@example.com"
    /// IAM ID of the second user.
    public static let otherUserIAMID = "IBMid-6650000OTH"
    /// The second user's API key (scoped to "Other Company").
    public static let otherUserAPIKey = "other-user-apikey-00000000000000000000000000000002"

    /// Key Protect's Global Catalog offering ID (RC `resource_id`).
    public static let keyProtectResourceID = "ee41347f-b18e-4ca6-bf80-b5467c63f9a6"
    /// Plan ID given to Key Protect instances in generated worlds (illustrative).
    public static let keyProtectPlanID = "eedd3585-90c6-4c8f-be3d-062069e99fc3"
    /// Cloud Object Storage's Global Catalog offering ID (RC `resource_id`), for non-Key-Protect instances.
    public static let cloudObjectStorageResourceID = "dff97f5c-bc5e-4455-b470-411c3edbe49c"
    /// Plan ID given to Cloud Object Storage instances (illustrative).
    public static let cloudObjectStoragePlanID = "744bfc56-d12c-4866-88d5-dac9139e0e5d"

    /// Account GUIDs of the standard world, in the sandbox user's order.
    public enum StandardIDs {
        /// "Sandbox Development", the sandbox user's first (default) account.
        public static let developmentAccount = "acc00000000000000000000000000001"
        /// "Sandbox Production".
        public static let productionAccount = "acc00000000000000000000000000002"
        /// "Sandbox Staging" (owned by the other user; the sandbox user is an Administrator member).
        public static let stagingAccount = "acc00000000000000000000000000003"
        /// "Other Company": the sandbox user is NOT a member.
        public static let otherAccount = "acc00000000000000000000000000099"
        /// Key Protect instance "Key Protect-dev" (us-south, development account, Default group, 3 keys).
        public static let devKeyProtectUSSouth = "11111111-1111-4111-8111-000000000001"
        /// Key Protect instance "kp-security-frankfurt" (eu-de, development account, group "security", 2 keys).
        public static let devKeyProtectEUDE = "11111111-1111-4111-8111-000000000002"
        /// Key Protect instance "kp-empty" (us-east, development account, group "dev-team", no keys).
        public static let devKeyProtectEmpty = "11111111-1111-4111-8111-000000000003"
        /// Key Protect instance "Key Protect-prod" (eu-de, production account).
        public static let prodKeyProtectEUDE = "22222222-2222-4222-8222-000000000001"
        /// Key Protect instance "kp-other" in "Other Company".
        public static let otherKeyProtect = "99999999-9999-4999-8999-000000000001"
        /// The Default resource group of the development account.
        public static let devDefaultGroup = "0b000000000000000000000000000101"
        /// The "security" resource group of the development account.
        public static let devSecurityGroup = "0b000000000000000000000000000103"
    }

    /// The built-in world described in `docs/emulator.md`.
    public static let standard: EmulatorWorld = makeStandard()

    private static func makeStandard() -> EmulatorWorld {
        let epoch = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01T00:00:00Z
        func day(_ n: Int) -> Date { epoch.addingTimeInterval(Double(n) * 86_400) }
        let ids = StandardIDs.self

        let sandbox = User(
            iamID: sandboxUserIAMID, email: sandboxUserEmail, givenName: "Sandbox", familyName: "User",
            imsUserID: 7_000_001, password: sandboxUserPassword,
            accountIDs: [ids.developmentAccount, ids.productionAccount, ids.stagingAccount])
        let other = User(
            iamID: otherUserIAMID, email: otherUserEmail, givenName: "Other", familyName: "User",
            imsUserID: 7_000_002, password: "other-password",
            accountIDs: [ids.otherAccount, ids.stagingAccount])

        var mfaUser = User(
            iamID: "IBMid-7000003MFA", email: mfaUserEmail, givenName: "Mfa", familyName: "User",
            imsUserID: 7_000_003, password: mfaUserPassword, accountIDs: [ids.developmentAccount])
        mfaUser.mfa = "TOTP"
        mfaUser.totpCode = mfaUserCode
        var federatedUser = User(
            iamID: "IBMid-7000004FED", email: federatedUserEmail, givenName: "Federated", familyName: "User",
            imsUserID: 7_000_004, password: nil, accountIDs: [ids.developmentAccount])
        federatedUser.federated = true

        let accounts = [
            Account(id: ids.developmentAccount, name: "Sandbox Development", type: "PAYG", ownerIAMID: sandboxUserIAMID, createdAt: day(0)),
            Account(id: ids.productionAccount, name: "Sandbox Production", type: "SUBSCRIPTION", ownerIAMID: sandboxUserIAMID, createdAt: day(1)),
            Account(id: ids.stagingAccount, name: "Sandbox Staging", type: "TRIAL", ownerIAMID: otherUserIAMID, createdAt: day(2)),
            Account(id: ids.otherAccount, name: "Other Company", type: "PAYG", ownerIAMID: otherUserIAMID, createdAt: day(3)),
        ]

        let groups = [
            ResourceGroup(id: ids.devDefaultGroup, accountID: ids.developmentAccount, name: "Default", isDefault: true, createdAt: day(0)),
            ResourceGroup(id: "0b000000000000000000000000000102", accountID: ids.developmentAccount, name: "dev-team", createdAt: day(4)),
            ResourceGroup(id: ids.devSecurityGroup, accountID: ids.developmentAccount, name: "security", createdAt: day(5)),
            ResourceGroup(id: "0b000000000000000000000000000201", accountID: ids.productionAccount, name: "Default", isDefault: true, createdAt: day(1)),
            ResourceGroup(id: "0b000000000000000000000000000202", accountID: ids.productionAccount, name: "prod-apps", createdAt: day(6)),
            ResourceGroup(id: "0b000000000000000000000000000301", accountID: ids.stagingAccount, name: "Default", isDefault: true, createdAt: day(2)),
            ResourceGroup(id: "0b000000000000000000000000000302", accountID: ids.stagingAccount, name: "staging", createdAt: day(7)),
            ResourceGroup(id: "0b000000000000000000000000009901", accountID: ids.otherAccount, name: "Default", isDefault: true, createdAt: day(3)),
        ]

        func kp(_ guid: String, _ account: String, _ group: String, _ name: String, _ region: String, _ created: Int) -> ServiceInstance {
            ServiceInstance(
                guid: guid, accountID: account, resourceGroupID: group, name: name, regionID: region, serviceName: "kms",
                resourceID: keyProtectResourceID, resourcePlanID: keyProtectPlanID, subType: "kms", createdAt: day(created))
        }
        func cos(_ guid: String, _ account: String, _ group: String, _ name: String, _ created: Int) -> ServiceInstance {
            ServiceInstance(
                guid: guid, accountID: account, resourceGroupID: group, name: name, regionID: "global",
                serviceName: "cloud-object-storage", resourceID: cloudObjectStorageResourceID,
                resourcePlanID: cloudObjectStoragePlanID, createdAt: day(created))
        }
        let instances = [
            kp(ids.devKeyProtectUSSouth, ids.developmentAccount, ids.devDefaultGroup, "Key Protect-dev", "us-south", 10),
            kp(ids.devKeyProtectEUDE, ids.developmentAccount, ids.devSecurityGroup, "kp-security-frankfurt", "eu-de", 11),
            kp(ids.devKeyProtectEmpty, ids.developmentAccount, "0b000000000000000000000000000102", "kp-empty", "us-east", 12),
            cos("c0c0c0c0-0000-4000-8000-000000000001", ids.developmentAccount, ids.devDefaultGroup, "Cloud Object Storage-dev", 13),
            kp(ids.prodKeyProtectEUDE, ids.productionAccount, "0b000000000000000000000000000201", "Key Protect-prod", "eu-de", 14),
            kp("22222222-2222-4222-8222-000000000002", ids.productionAccount, "0b000000000000000000000000000202", "kp-prod-london", "eu-gb", 15),
            cos("c0c0c0c0-0000-4000-8000-000000000002", ids.productionAccount, "0b000000000000000000000000000201", "Cloud Object Storage-prod", 16),
            kp("33333333-3333-4333-8333-000000000001", ids.stagingAccount, "0b000000000000000000000000000302", "kp-staging", "us-south", 17),
            kp(ids.otherKeyProtect, ids.otherAccount, "0b000000000000000000000000009901", "kp-other", "us-south", 18),
        ]

        func key(_ n: Int, _ instance: String, _ name: String, extractable: Bool = false, state: Int = 1) -> Key {
            Key(
                id: String(format: "5e5e5e5e-0000-4000-8000-%012d", n), instanceGUID: instance, name: name,
                state: state, extractable: extractable, createdBy: sandboxUserIAMID, creationDate: day(20 + n))
        }
        let keys = [
            key(1, ids.devKeyProtectUSSouth, "root-key-app"),
            key(2, ids.devKeyProtectUSSouth, "root-key-db"),
            key(3, ids.devKeyProtectUSSouth, "standard-secret", extractable: true),
            key(4, ids.devKeyProtectEUDE, "eu-root-key"),
            key(5, ids.devKeyProtectEUDE, "eu-standard-key", extractable: true),
            key(6, ids.prodKeyProtectEUDE, "prod-root-key"),
            key(7, ids.prodKeyProtectEUDE, "prod-backup-key"),
            key(8, "22222222-2222-4222-8222-000000000002", "london-root-key"),
            key(9, "33333333-3333-4333-8333-000000000001", "staging-root-key"),
            key(10, ids.otherKeyProtect, "other-root-key"),
        ]

        let legacyServiceID = ServiceID(
            id: "ServiceId-0d000000-0000-4000-8000-000000000001", accountID: ids.developmentAccount,
            name: "legacy-kp-reader", description: "Pre-existing service ID with Reader on Key Protect-dev", createdAt: day(30))

        let apiKeys = [
            APIKey(
                id: "ApiKey-0a000000-0000-4000-8000-000000000001", value: sandboxUserAPIKey, iamID: sandboxUserIAMID,
                accountID: ids.developmentAccount, name: "sandbox-user-key", description: "The sandbox user's own API key",
                createdBy: sandboxUserIAMID, createdAt: day(0)),
            APIKey(
                id: "ApiKey-0a000000-0000-4000-8000-000000000002", value: otherUserAPIKey, iamID: otherUserIAMID,
                accountID: ids.otherAccount, name: "other-user-key", createdBy: otherUserIAMID, createdAt: day(3)),
        ]

        var policies: [Policy] = []
        var policyNumber = 0
        func policy(_ account: String, _ subject: String, _ role: String, _ resource: [String: String], _ description: String) {
            policyNumber += 1
            policies.append(
                Policy(
                    id: String(format: "9011c700-0000-4000-8000-%012d", policyNumber), accountID: account,
                    subjectIAMID: subject, roleCRNs: [role], resource: resource, description: description,
                    createdBy: sandboxUserIAMID, createdAt: day(0)))
        }
        for account in sandbox.accountIDs {
            policy(
                account, sandboxUserIAMID, RoleCatalog.administratorCRN,
                ["accountId": account, "serviceType": "service"], "Administrator on all IAM-enabled services")
            policy(
                account, sandboxUserIAMID, RoleCatalog.managerCRN,
                ["accountId": account, "serviceName": "kms"], "Manager on Key Protect, account-wide")
        }
        policy(
            ids.developmentAccount, legacyServiceID.iamID, RoleCatalog.readerCRN,
            ["accountId": ids.developmentAccount, "serviceName": "kms", "serviceInstance": ids.devKeyProtectUSSouth],
            "Reader on Key Protect-dev")
        policy(
            ids.otherAccount, otherUserIAMID, RoleCatalog.managerCRN,
            ["accountId": ids.otherAccount, "serviceName": "kms"], "Manager on Key Protect, account-wide")

        return EmulatorWorld(
            users: [sandbox, other, mfaUser, federatedUser], accounts: accounts, resourceGroups: groups, instances: instances, keys: keys,
            serviceIDs: [legacyServiceID], apiKeys: apiKeys, policies: policies)
    }
}
